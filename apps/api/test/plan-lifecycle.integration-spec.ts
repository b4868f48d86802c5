import type { INestApplicationContext } from '@nestjs/common';
import type { Plan } from '@tr/domain';
import { SnapshotRepository } from '@tr/persistence';
import { validatePlan } from '@tr/validator';
import type { AddressInfo } from 'node:net';
import { readSnapshot } from '@tr/io';
import { join } from 'node:path';
import { startWorker, waitForPlan } from '../../worker/src/testing/worker-harness';
import {
  COUNTY_A,
  PASSWORD,
  UNMASKED_NATIONAL_ID,
  authHeader,
  dumpQueue,
  startApi,
  type ApiHarness,
} from './api-harness';

/** The whole path an HR officer takes: launch over HTTP, watch the stream, read and export the plan. */
describe('a plan from request to export (API and worker together)', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker(api.config);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('runs the job through every stage, saves a plan the validator accepts, and shows each role its part', async () => {
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const created = await api
      .http()
      .post(`/counties/${api.fixtures.countyA}/plans`)
      .set(authHeader(api, 'hr'))
      .set('Idempotency-Key', 'lifecycle-0001')
      .send({ scenario: '2026 秋季交流' })
      .expect(202);
    const planId: string = created.body.id;

    const stream = await fetch(`${base}/plans/${planId}/events`, { headers: authHeader(api, 'hr') });
    const events: { status: string; stage: string | null; progress: number }[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of stream.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
    }

    expect(events.at(-1)).toMatchObject({ status: 'succeeded', progress: 100 });
    const percents = events.map((e) => e.progress);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // Stages seen by the stream come in the worker's order (a fast stage may fall between two polls).
    const order = ['loading', 'building', 'solving', 'naming', 'saving'];
    const stages = events.map((e) => e.stage).filter((s): s is string => s !== null);
    expect(stages.map((s) => order.indexOf(s))).toEqual(
      [...stages.map((s) => order.indexOf(s))].sort((a, b) => a - b),
    );

    const detail = await api.http().get(`/plans/${planId}`).set(authHeader(api, 'hr')).expect(200);
    expect(detail.body).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      header: { county: expect.any(String), snapshot_hash: expect.any(String) },
    });
    expect(detail.body.metrics.after.movers).toBeGreaterThan(0);

    const exported = await api.http().get(`/plans/${planId}/export`).set(authHeader(api, 'hr')).expect(200);
    const plan = JSON.parse(exported.text) as Plan;
    expect(plan.moves).toHaveLength(detail.body.metrics.after.movers);
    const snapshot = await new SnapshotRepository(api.db.dataSource).loadSnapshot(COUNTY_A);
    const report = validatePlan(snapshot, plan);
    expect(report.violations).toEqual([]);

    const all = await api
      .http()
      .get(`/plans/${planId}/moves?page_size=200`)
      .set(authHeader(api, 'hr'))
      .expect(200);
    expect(all.body.meta.total).toBe(plan.moves.length);
    const own = await api
      .http()
      .get(`/plans/${planId}/moves?page_size=200`)
      .set(authHeader(api, 'principal'))
      .expect(200);
    const school = api.fixtures.schoolA1Code;
    expect(
      own.body.items.every(
        (m: { from_school: string; to_school: string }) => m.from_school === school || m.to_school === school,
      ),
    ).toBe(true);
    expect(own.body.meta.total).toBe(
      plan.moves.filter((m) => m.from_school === school || m.to_school === school).length,
    );

    const again = await api
      .http()
      .post(`/counties/${api.fixtures.countyA}/plans`)
      .set(authHeader(api, 'hr'))
      .set('Idempotency-Key', 'lifecycle-0001')
      .send({ scenario: '2026 秋季交流' })
      .expect(200);
    expect(again.body.id).toBe(planId);
    const [{ count }] = await api.db.dataSource.query(
      `SELECT count(*)::int FROM plans WHERE idempotency_key = 'lifecycle-0001'`,
    );
    expect(count).toBe(1);

    expect(
      (await dumpQueue(api.config.queuePrefix)).filter((value) => UNMASKED_NATIONAL_ID.test(value)),
    ).toEqual([]);
    expect(api.logs.filter((line) => UNMASKED_NATIONAL_ID.test(line))).toEqual([]);
  }, 60_000);

  it('stops a running plan on request: 202 at once, then cancelled without moves or a retry', async () => {
    const sample = await readSnapshot(join(__dirname, '..', '..', '..', 'examples', 'dengfeng'));
    const { countyId } = await new SnapshotRepository(api.db.dataSource).importSnapshot('410187', sample);
    await api.db.dataSource.query(
      `INSERT INTO users (username, password_hash, role, display_name, county_id)
      SELECT 'hr.dengfeng', password_hash, 'county_hr', 'HR', $1 FROM users WHERE username = 'hr'`,
      [countyId],
    );
    const login = await api
      .http()
      .post('/auth/login')
      .send({ username: 'hr.dengfeng', password: PASSWORD })
      .expect(200);
    const auth = { authorization: `Bearer ${login.body.access_token}` };

    const { body: plan } = await api
      .http()
      .post(`/counties/${countyId}/plans`)
      .set(auth)
      .send({ scenario: '取消测试' })
      .expect(202);
    await waitForPlan(
      api.db.dataSource,
      plan.id,
      (p) => p.stage === 'solving' || p.stage === 'building',
      30_000,
    );
    const asked = await api.http().post(`/plans/${plan.id}/cancel`).set(auth).expect(202);
    expect(asked.body).toMatchObject({ status: 'running', cancel_requested: true });

    const stopped = await waitForPlan(api.db.dataSource, plan.id, (p) => p.status !== 'running', 30_000);
    expect(stopped).toMatchObject({ status: 'cancelled', attempts: 1 });
    const [{ count }] = await api.db.dataSource.query(
      `SELECT count(*)::int FROM plan_moves WHERE plan_id = $1`,
      [plan.id],
    );
    expect(count).toBe(0);
  }, 60_000);
});
