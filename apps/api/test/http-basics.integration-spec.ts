import { PASSWORD, authHeader, startApi, type ApiHarness } from './api-harness';

describe('HTTP basics', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    // Four logins happen at start-up (one per role); the limit leaves room for two more.
    api = await startApi({ env: { LOGIN_RATE_LIMIT: '6' } });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('sends helmet’s security headers and a request id, kept from the caller when given', async () => {
    const response = await api.http().get('/health/live').set('X-Request-Id', 'gateway-42').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-request-id']).toBe('gateway-42');
    expect(api.logs.some((line) => line.includes('"id":"gateway-42"'))).toBe(true);
  });

  it('answers every error with one body shape carrying the request id', async () => {
    const response = await api.http().get('/no/such/route').set(authHeader(api, 'hr')).expect(404);
    expect(response.body).toEqual({
      status: 404,
      error: {
        code: 'not_found',
        message_zh: expect.any(String),
        message: expect.any(String),
        request_id: response.headers['x-request-id'],
      },
    });
  });

  it('refuses unknown fields and lists every field error', async () => {
    const response = await api
      .http()
      .post(`/counties/${api.fixtures.countyA}/plans`)
      .set(authHeader(api, 'hr'))
      .send({ scenario: '', colour: 'blue', policy: { min_rotation_rate: 2, favourite: 1 } })
      .expect(400);
    expect(response.body.error.code).toBe('validation_failed');
    const fields = response.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['scenario', 'colour', 'policy.min_rotation_rate', 'policy.favourite']),
    );
  });

  it('refuses a malformed id in the path', async () => {
    const response = await api.http().get('/schools/not-a-uuid').set(authHeader(api, 'hr')).expect(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('pages and filters lists', async () => {
    const { countyA } = api.fixtures;
    const first = await api
      .http()
      .get(`/counties/${countyA}/schools?page_size=2`)
      .set(authHeader(api, 'hr'))
      .expect(200);
    const second = await api
      .http()
      .get(`/counties/${countyA}/schools?page_size=2&page=2`)
      .set(authHeader(api, 'hr'))
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.meta).toMatchObject({ page: 1, page_size: 2, total: expect.any(Number) });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const rural = await api
      .http()
      .get(`/counties/${countyA}/schools?area=rural&page_size=200`)
      .set(authHeader(api, 'hr'))
      .expect(200);
    expect(rural.body.items.length).toBeGreaterThan(0);
    expect(rural.body.items.every((s: { area: string }) => s.area === 'rural')).toBe(true);
    await api
      .http()
      .get(`/counties/${countyA}/schools?page_size=1000`)
      .set(authHeader(api, 'hr'))
      .expect(400);
  });

  it('refuses a missing, malformed or foreign token', async () => {
    expect((await api.http().get('/auth/me').expect(401)).body.error.code).toBe('unauthenticated');
    await api.http().get('/auth/me').set('authorization', 'Bearer nonsense').expect(401);
    const [header, payload] = api.tokens.hr.split('.');
    await api
      .http()
      .get('/auth/me')
      .set('authorization', `Bearer ${header}.${payload}.forged-signature`)
      .expect(401);
  });

  it('serves the OpenAPI document at /docs', async () => {
    await api.http().get('/docs').expect(200).expect('content-type', /html/);
    const json = await api.http().get('/docs/json').expect(200);
    expect(Object.keys(json.body.paths)).toContain('/counties/{countyId}/plans');
    expect(json.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('refuses a wrong password, then throttles logins from one client', async () => {
    const wrong = await api
      .http()
      .post('/auth/login')
      .send({ username: 'hr', password: 'wrong password' })
      .expect(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    await api.http().post('/auth/login').send({ username: 'nobody', password: PASSWORD }).expect(401);
    const throttled = await api
      .http()
      .post('/auth/login')
      .send({ username: 'hr', password: PASSWORD })
      .expect(429);
    expect(throttled.body.error.code).toBe('too_many_requests');
  });
});
