import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  ACTORS,
  PASSWORD,
  UNMASKED_NATIONAL_ID,
  authHeader,
  dumpQueue,
  startApi,
  type Actor,
  type ApiHarness,
  type Fixtures,
} from './api-harness';

type Method = 'get' | 'post' | 'put';
/** Expected status for anonymous, admin, county HR (county A), principal (school A1), teacher (record A1). */
type Expect = [number, number, number, number, number];

interface Case {
  /** OpenAPI form of the route, e.g. "GET /schools/{schoolId}". */
  route: string;
  target: string;
  path: (f: Fixtures) => string;
  body?: (f: Fixtures, n: number) => object;
  expect: Expect;
}

const SCHOOL_READ_A1: Expect = [401, 200, 200, 200, 403];
const SCHOOL_READ_A2: Expect = [401, 200, 200, 404, 403];
const SCHOOL_READ_B1: Expect = [401, 200, 404, 404, 403];
const TEACHER_READ_A1: Expect = [401, 200, 200, 200, 200];
const TEACHER_READ_A2: Expect = [401, 200, 200, 404, 404];
const TEACHER_READ_B1: Expect = [401, 200, 404, 404, 404];
const PLAN_READ_A: Expect = [401, 200, 200, 200, 403];
const PLAN_READ_B: Expect = [401, 200, 404, 404, 403];

/**
 * Every route × every role × an object inside and outside the role's scope. "Outside" means another
 * county, another school of the same county, or another teacher. Objects out of scope are not found
 * (404) because the scope is part of the query; a role the route does not admit gets 403.
 */
const CASES: Case[] = [
  {
    route: 'POST /auth/login',
    target: 'own credentials',
    path: () => '/auth/login',
    body: () => ({ username: 'hr', password: PASSWORD }),
    expect: [200, 200, 200, 200, 200],
  },
  { route: 'GET /auth/me', target: 'self', path: () => '/auth/me', expect: [401, 200, 200, 200, 200] },
  { route: 'GET /health', target: '-', path: () => '/health', expect: [200, 200, 200, 200, 200] },
  { route: 'GET /health/live', target: '-', path: () => '/health/live', expect: [200, 200, 200, 200, 200] },
  { route: 'GET /users', target: 'scoped list', path: () => '/users', expect: [401, 200, 200, 403, 403] },
  {
    route: 'POST /users',
    target: 'county A teacher account',
    path: () => '/users',
    body: (f, n) => ({
      username: `new.a.${n}`,
      password: PASSWORD,
      role: 'teacher',
      display_name: '新教师',
      county_id: f.countyA,
      teacher_id: f.teacherA2,
    }),
    expect: [401, 201, 201, 403, 403],
  },
  {
    route: 'POST /users',
    target: 'county B teacher account',
    path: () => '/users',
    body: (f, n) => ({
      username: `new.b.${n}`,
      password: PASSWORD,
      role: 'teacher',
      display_name: '新教师',
      county_id: f.countyB,
      teacher_id: f.teacherB1,
    }),
    expect: [401, 201, 403, 403, 403],
  },
  {
    route: 'GET /counties',
    target: 'scoped list',
    path: () => '/counties',
    expect: [401, 200, 200, 200, 200],
  },
  {
    route: 'POST /counties',
    target: 'new county',
    path: () => '/counties',
    body: (_f, n) => ({ code: String(500000 + n), name: `新县${n}` }),
    expect: [401, 201, 403, 403, 403],
  },
  {
    route: 'GET /counties/{countyId}',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}`,
    expect: [401, 200, 200, 200, 200],
  },
  {
    route: 'GET /counties/{countyId}',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}`,
    expect: [401, 200, 404, 404, 404],
  },
  // No file is attached: an admitted caller gets past authorization to the 400 for the missing upload.
  {
    route: 'POST /counties/{countyId}/import',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/import`,
    expect: [401, 400, 400, 403, 403],
  },
  {
    route: 'POST /counties/{countyId}/import',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/import`,
    expect: [401, 400, 404, 403, 403],
  },
  {
    route: 'GET /counties/{countyId}/export',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/export`,
    expect: [401, 200, 200, 403, 403],
  },
  {
    route: 'GET /counties/{countyId}/export',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/export`,
    expect: [401, 200, 404, 403, 403],
  },
  {
    route: 'GET /counties/{countyId}/schools',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/schools`,
    expect: [401, 200, 200, 200, 403],
  },
  {
    route: 'GET /counties/{countyId}/schools',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/schools`,
    expect: [401, 200, 404, 404, 403],
  },
  {
    route: 'GET /schools/{schoolId}',
    target: 'school A1',
    path: (f) => `/schools/${f.schoolA1}`,
    expect: SCHOOL_READ_A1,
  },
  {
    route: 'GET /schools/{schoolId}',
    target: 'school A2',
    path: (f) => `/schools/${f.schoolA2}`,
    expect: SCHOOL_READ_A2,
  },
  {
    route: 'GET /schools/{schoolId}',
    target: 'school B1',
    path: (f) => `/schools/${f.schoolB1}`,
    expect: SCHOOL_READ_B1,
  },
  {
    route: 'GET /schools/{schoolId}/staffing',
    target: 'school A1',
    path: (f) => `/schools/${f.schoolA1}/staffing`,
    expect: SCHOOL_READ_A1,
  },
  {
    route: 'GET /schools/{schoolId}/staffing',
    target: 'school A2',
    path: (f) => `/schools/${f.schoolA2}/staffing`,
    expect: SCHOOL_READ_A2,
  },
  {
    route: 'GET /schools/{schoolId}/staffing',
    target: 'school B1',
    path: (f) => `/schools/${f.schoolB1}/staffing`,
    expect: SCHOOL_READ_B1,
  },
  {
    route: 'GET /schools/{schoolId}/teachers',
    target: 'school A1',
    path: (f) => `/schools/${f.schoolA1}/teachers`,
    expect: SCHOOL_READ_A1,
  },
  {
    route: 'GET /schools/{schoolId}/teachers',
    target: 'school A2',
    path: (f) => `/schools/${f.schoolA2}/teachers`,
    expect: SCHOOL_READ_A2,
  },
  {
    route: 'GET /schools/{schoolId}/teachers',
    target: 'school B1',
    path: (f) => `/schools/${f.schoolB1}/teachers`,
    expect: SCHOOL_READ_B1,
  },
  {
    route: 'GET /teachers/{teacherId}',
    target: 'teacher A1 (self)',
    path: (f) => `/teachers/${f.teacherA1}`,
    expect: TEACHER_READ_A1,
  },
  {
    route: 'GET /teachers/{teacherId}',
    target: 'teacher A2',
    path: (f) => `/teachers/${f.teacherA2}`,
    expect: TEACHER_READ_A2,
  },
  {
    route: 'GET /teachers/{teacherId}',
    target: 'teacher B1',
    path: (f) => `/teachers/${f.teacherB1}`,
    expect: TEACHER_READ_B1,
  },
  {
    route: 'GET /teachers/{teacherId}/postings',
    target: 'teacher A1 (self)',
    path: (f) => `/teachers/${f.teacherA1}/postings`,
    expect: TEACHER_READ_A1,
  },
  {
    route: 'GET /teachers/{teacherId}/postings',
    target: 'teacher A2',
    path: (f) => `/teachers/${f.teacherA2}/postings`,
    expect: TEACHER_READ_A2,
  },
  {
    route: 'GET /teachers/{teacherId}/postings',
    target: 'teacher B1',
    path: (f) => `/teachers/${f.teacherB1}/postings`,
    expect: TEACHER_READ_B1,
  },
  {
    route: 'POST /teachers/{teacherId}/national-id/reveal',
    target: 'teacher A1',
    path: (f) => `/teachers/${f.teacherA1}/national-id/reveal`,
    expect: [401, 403, 200, 403, 403],
  },
  {
    route: 'POST /teachers/{teacherId}/national-id/reveal',
    target: 'teacher B1',
    path: (f) => `/teachers/${f.teacherB1}/national-id/reveal`,
    expect: [401, 403, 404, 403, 403],
  },
  {
    route: 'POST /counties/{countyId}/plans',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/plans`,
    body: () => ({ scenario: '矩阵测试' }),
    expect: [401, 403, 202, 403, 403],
  },
  {
    route: 'POST /counties/{countyId}/plans',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/plans`,
    body: () => ({ scenario: '矩阵测试' }),
    expect: [401, 403, 404, 403, 403],
  },
  {
    route: 'GET /counties/{countyId}/plans',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/plans`,
    expect: PLAN_READ_A,
  },
  {
    route: 'GET /counties/{countyId}/plans',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/plans`,
    expect: PLAN_READ_B,
  },
  { route: 'GET /plans/{planId}', target: 'plan A', path: (f) => `/plans/${f.planA}`, expect: PLAN_READ_A },
  { route: 'GET /plans/{planId}', target: 'plan B', path: (f) => `/plans/${f.planB}`, expect: PLAN_READ_B },
  {
    route: 'GET /plans/{planId}/moves',
    target: 'plan A',
    path: (f) => `/plans/${f.planA}/moves`,
    expect: PLAN_READ_A,
  },
  {
    route: 'GET /plans/{planId}/moves',
    target: 'plan B',
    path: (f) => `/plans/${f.planB}/moves`,
    expect: PLAN_READ_B,
  },
  {
    route: 'GET /plans/{planId}/events',
    target: 'plan A',
    path: (f) => `/plans/${f.planA}/events`,
    expect: PLAN_READ_A,
  },
  {
    route: 'GET /plans/{planId}/events',
    target: 'plan B',
    path: (f) => `/plans/${f.planB}/events`,
    expect: PLAN_READ_B,
  },
  {
    route: 'GET /counties/{countyId}/flexible-pool',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/flexible-pool?year=2026`,
    expect: [401, 200, 200, 403, 403],
  },
  {
    route: 'GET /counties/{countyId}/flexible-pool',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/flexible-pool?year=2026`,
    expect: [401, 200, 404, 403, 403],
  },
  {
    route: 'PUT /counties/{countyId}/flexible-pool',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/flexible-pool`,
    body: () => ({ year: 2026, total: 5 }),
    expect: [401, 403, 200, 403, 403],
  },
  {
    route: 'PUT /counties/{countyId}/flexible-pool',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/flexible-pool`,
    body: () => ({ year: 2026, total: 5 }),
    expect: [401, 403, 404, 403, 403],
  },
  {
    route: 'POST /counties/{countyId}/flexible-grants',
    target: 'county A',
    path: (f) => `/counties/${f.countyA}/flexible-grants`,
    body: (f) => ({ year: 2026, school_id: f.schoolA1, amount: 1, purpose: 'training' }),
    expect: [401, 403, 201, 403, 403],
  },
  {
    route: 'POST /counties/{countyId}/flexible-grants',
    target: 'county B',
    path: (f) => `/counties/${f.countyB}/flexible-grants`,
    body: (f) => ({ year: 2026, school_id: f.schoolB1, amount: 1, purpose: 'training' }),
    expect: [401, 403, 404, 403, 403],
  },
  {
    route: 'GET /plans/{planId}/export',
    target: 'plan A',
    path: (f) => `/plans/${f.planA}/export`,
    expect: [401, 200, 200, 403, 403],
  },
  {
    route: 'GET /plans/{planId}/export',
    target: 'plan B',
    path: (f) => `/plans/${f.planB}/export`,
    expect: [401, 200, 404, 403, 403],
  },
  // Plan A has finished, so an admitted caller reaches the 409 "cannot cancel".
  {
    route: 'POST /plans/{planId}/cancel',
    target: 'plan A',
    path: (f) => `/plans/${f.planA}/cancel`,
    expect: [401, 403, 409, 403, 403],
  },
  {
    route: 'POST /plans/{planId}/cancel',
    target: 'plan B',
    path: (f) => `/plans/${f.planB}/cancel`,
    expect: [401, 403, 404, 403, 403],
  },
];

/** The deliberate, audited reveal is the one response allowed to carry a whole ID. */
const REVEAL_ROUTE = 'POST /teachers/{teacherId}/national-id/reveal';

describe('authorization matrix', () => {
  let api: ApiHarness;
  const bodies: { route: string; text: string }[] = [];
  let counter = 0;

  beforeAll(async () => {
    api = await startApi();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('lists every route of the API', () => {
    const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().build());
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(CASES.map((c) => c.route))).toEqual(new Set(routes));
  });

  describe.each(CASES.map((c) => [`${c.route} on ${c.target}`, c] as const))('%s', (_name, testCase) => {
    it.each(ACTORS.map((actor, i) => [actor, testCase.expect[i]] as const))(
      'answers %s with %i',
      async (actor: Actor, status: number) => {
        const [method] = testCase.route.split(' ') as [string];
        const verb = method.toLowerCase() as Method;
        let call = api.http()[verb](testCase.path(api.fixtures)).set(authHeader(api, actor));
        if (testCase.body) call = call.send(testCase.body(api.fixtures, ++counter));
        const response = await call;
        bodies.push({ route: testCase.route, text: response.text ?? '' });
        expect({ status: response.status, code: response.body?.error?.code }).toMatchObject({ status });
        if (status >= 400)
          expect(response.body).toMatchObject({
            status,
            error: { code: expect.any(String), message_zh: expect.any(String), message: expect.any(String) },
          });
      },
    );
  });

  it('scopes the lists themselves: a principal lists only their school, HR only their county', async () => {
    const { fixtures: f } = api;
    const schools = await api
      .http()
      .get(`/counties/${f.countyA}/schools`)
      .set(authHeader(api, 'principal'))
      .expect(200);
    expect(schools.body.items.map((s: { id: string }) => s.id)).toEqual([f.schoolA1]);
    const counties = await api.http().get('/counties').set(authHeader(api, 'hr')).expect(200);
    expect(counties.body.map((c: { id: string }) => c.id)).toEqual([f.countyA]);
    const moves = await api
      .http()
      .get(`/plans/${f.planA}/moves`)
      .set(authHeader(api, 'principal'))
      .expect(200);
    expect(moves.body.items).toHaveLength(1);
    expect(moves.body.items[0]).toMatchObject({ from_school: f.schoolA1Code, to_school: f.schoolA2Code });
    const all = await api.http().get(`/plans/${f.planA}/moves`).set(authHeader(api, 'hr')).expect(200);
    expect(all.body.meta.total).toBe(2);
  });

  it('masks every national ID in responses, logs and job payloads; the reveal is audited', async () => {
    const { fixtures: f } = api;
    const teacher = await api.http().get(`/teachers/${f.teacherA1}`).set(authHeader(api, 'hr')).expect(200);
    expect(teacher.body.national_id_masked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const revealed = await api
      .http()
      .post(`/teachers/${f.teacherA1}/national-id/reveal`)
      .set(authHeader(api, 'hr'))
      .expect(200);
    expect(revealed.body.national_id).toMatch(/^\d{17}[\dX]$/);
    const audit = await api.db.dataSource.query(
      `SELECT action, target_id FROM audit_log WHERE target_id = $1`,
      [f.teacherA1],
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0]).toMatchObject({ action: 'reveal_national_id' });

    const responses = bodies.filter((b) => b.route !== REVEAL_ROUTE);
    expect(responses.length).toBeGreaterThan(200);
    expect(responses.filter((b) => UNMASKED_NATIONAL_ID.test(b.text)).map((b) => b.route)).toEqual([]);
    expect(api.logs.length).toBeGreaterThan(200);
    expect(api.logs.filter((line) => UNMASKED_NATIONAL_ID.test(line))).toEqual([]);
    const queued = await dumpQueue(api.config.queuePrefix);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.filter((value) => UNMASKED_NATIONAL_ID.test(value))).toEqual([]);
  });
});
