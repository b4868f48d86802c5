import { authHeader, startApi, type ApiHarness } from './api-harness';

describe('flexible quota (机动编)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const pool = () => `/counties/${api.fixtures.countyA}/flexible-pool`;
  const grants = () => `/counties/${api.fixtures.countyA}/flexible-grants`;
  const hr = () => authHeader(api, 'hr');

  it('lends a county’s pool to schools and never beyond it', async () => {
    await api.http().put(pool()).set(hr()).send({ year: 2027, total: 3 }).expect(200);
    const granted = await api
      .http()
      .post(grants())
      .set(hr())
      .send({
        year: 2027,
        school_id: api.fixtures.schoolA1,
        amount: 2,
        purpose: 'maternity',
        note: '产假顶岗',
      })
      .expect(201);
    expect(granted.body).toMatchObject({
      year: 2027,
      total: 3,
      granted: 2,
      remaining: 1,
      grants: [{ school_id: api.fixtures.schoolA1, amount: 2, purpose: 'maternity' }],
    });

    const over = await api
      .http()
      .post(grants())
      .set(hr())
      .send({ year: 2027, school_id: api.fixtures.schoolA2, amount: 2, purpose: 'training' })
      .expect(409);
    expect(over.body.error.message).toMatch(/only 1 flexible/);
    const shrink = await api.http().put(pool()).set(hr()).send({ year: 2027, total: 1 }).expect(409);
    expect(shrink.body.error.message_zh).toMatch(/已发放 2/);

    const staffing = await api.http().get(`/schools/${api.fixtures.schoolA1}/staffing?year=2027`).set(hr());
    // Quotas and posts are derived for the snapshot's year only; 2027 has none.
    expect(staffing.status).toBe(404);
  });

  it('refuses a school of another county and a pool that does not exist', async () => {
    await api.http().put(pool()).set(hr()).send({ year: 2028, total: 3 }).expect(200);
    const foreign = await api
      .http()
      .post(grants())
      .set(hr())
      .send({ year: 2028, school_id: api.fixtures.schoolB1, amount: 1, purpose: 'training' })
      .expect(400);
    expect(foreign.body.error.details).toEqual({ field: 'school_id' });
    await api
      .http()
      .post(grants())
      .set(hr())
      .send({ year: 2031, school_id: api.fixtures.schoolA1, amount: 1, purpose: 'training' })
      .expect(404);
  });

  it('shows a school’s basic quota, its flexible grants and its posts by subject', async () => {
    await api
      .http()
      .post(grants())
      .set(hr())
      .send({ year: 2026, school_id: api.fixtures.schoolA1, amount: 1, purpose: 'sick_leave' })
      .expect(201);
    const staffing = await api.http().get(`/schools/${api.fixtures.schoolA1}/staffing`).set(hr()).expect(200);
    expect(staffing.body).toMatchObject({
      year: 2026,
      flexible: 1,
      flexible_grants: [{ amount: 1, purpose: 'sick_leave' }],
    });
    expect(staffing.body.basic).toBe(
      staffing.body.posts.reduce((sum: number, p: { count: number }) => sum + p.count, 0),
    );
    expect(staffing.body.posts.length).toBeGreaterThan(3);
    for (const post of staffing.body.posts) expect(post.count).toBe(Math.ceil(post.need_fte - 1e-9));
  });

  it('serialises concurrent grants on the pool row: ten requests for one post each on a pool of five grant exactly five', async () => {
    await api.http().put(pool()).set(hr()).send({ year: 2029, total: 5 }).expect(200);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        api
          .http()
          .post(grants())
          .set(hr())
          .send({ year: 2029, school_id: api.fixtures.schoolA2, amount: 1, purpose: 'training' }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
    const final = await api.http().get(`${pool()}?year=2029`).set(hr()).expect(200);
    expect(final.body).toMatchObject({ total: 5, granted: 5, remaining: 0 });
  });
});
