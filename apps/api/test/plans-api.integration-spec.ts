import { QueueName } from '@tr/jobs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { REDIS_URL, authHeader, startApi, type ApiHarness } from './api-harness';

describe('plans over HTTP', () => {
  let api: ApiHarness;
  let queue: Queue;
  let connection: IORedis;

  beforeAll(async () => {
    api = await startApi();
    connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(QueueName.Plans, { connection, prefix: api.config.queuePrefix });
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    connection?.disconnect();
    await api?.close();
  });

  const launch = (key?: string, body: object = { scenario: '秋季交流' }) => {
    const call = api.http().post(`/counties/${api.fixtures.countyA}/plans`).set(authHeader(api, 'hr'));
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };

  const planRows = (key: string) =>
    api.db.dataSource.query(`SELECT id, status FROM plans WHERE idempotency_key = $1`, [key]);

  it('makes one plan and one job of ten concurrent launches with one key, and of one more after the job is gone', async () => {
    const key = 'autumn-2026-0001';
    const responses = await Promise.all(Array.from({ length: 10 }, () => launch(key)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [planId] = ids;
    expect(await planRows(key)).toHaveLength(1);
    expect(await queue.getJob(planId)).toBeDefined();

    // As if a worker had finished it and BullMQ had since removed the job.
    await api.db.dataSource.query(
      `UPDATE plans SET status = 'succeeded', progress = 100, header = '{}', metrics = '{}', finished_at = now() WHERE id = $1`,
      [planId],
    );
    await queue.remove(planId);
    const again = await launch(key).expect(200);
    expect(again.body).toMatchObject({ id: planId, status: 'succeeded' });
    expect(await planRows(key)).toHaveLength(1);
    expect(await queue.getJob(planId)).toBeUndefined();
  });

  it('queues a plan with policy overrides and records who asked', async () => {
    const response = await launch(undefined, {
      scenario: '提高交流比例',
      policy: { min_rotation_rate: 0.15, max_rotation_rate: 0.2 },
    }).expect(202);
    expect(response.body).toMatchObject({
      status: 'queued',
      progress: 0,
      policy_overrides: { min_rotation_rate: 0.15, max_rotation_rate: 0.2 },
    });
    const [row] = await api.db.dataSource.query(
      `SELECT u.username FROM plans p JOIN users u ON u.id = p.created_by WHERE p.id = $1`,
      [response.body.id],
    );
    expect(row.username).toBe('hr');
    const job = await queue.getJob(response.body.id);
    expect(job?.data).toEqual({ planId: response.body.id });
  });

  it('refuses overrides that contradict each other, naming the key, and queues nothing', async () => {
    const before = await queue.count();
    const response = await launch('contradiction-01', {
      scenario: 'x',
      policy: { min_rotation_rate: 0.3, max_rotation_rate: 0.2 },
    }).expect(400);
    expect(response.body.error.code).toBe('policy_invalid');
    expect(response.body.error.message).toMatch(/rotation_rate/);
    expect(await planRows('contradiction-01')).toHaveLength(0);
    expect(await queue.count()).toBe(before);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const response = await launch('bad key!').expect(400);
    expect(response.body.error.message).toMatch(/Idempotency-Key/);
  });

  it('cancels a queued plan at once and removes its job; a second cancel is a conflict', async () => {
    const { body: plan } = await launch('cancel-me-0001').expect(202);
    const cancelled = await api
      .http()
      .post(`/plans/${plan.id}/cancel`)
      .set(authHeader(api, 'hr'))
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await queue.getJob(plan.id)).toBeUndefined();
    const again = await api.http().post(`/plans/${plan.id}/cancel`).set(authHeader(api, 'hr')).expect(409);
    expect(again.body.error.code).toBe('plan_not_cancellable');
  });

  it('streams the progress of a plan as server-sent events until it ends', async () => {
    const { body: plan } = await launch('stream-me-0001').expect(202);
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/plans/${plan.id}/events`, {
      headers: authHeader(api, 'hr'),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');

    const events: { status: string; stage: string | null; progress: number }[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (const line of buffer.split('\n'))
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
    })();

    // The worker's writes, one stage after another.
    const steps: [string, string, number][] = [
      ['running', 'loading', 5],
      ['running', 'solving', 40],
      ['running', 'saving', 95],
    ];
    for (const [status, stage, progress] of steps) {
      await sleep(700);
      await api.db.dataSource.query(`UPDATE plans SET status = $2, stage = $3, progress = $4 WHERE id = $1`, [
        plan.id,
        status,
        stage,
        progress,
      ]);
    }
    await sleep(700);
    await api.db.dataSource.query(
      `UPDATE plans SET status = 'succeeded', stage = 'saving', progress = 100, header = '{}', metrics = '{}' WHERE id = $1`,
      [plan.id],
    );
    await reading;

    expect(events[0]).toMatchObject({ status: 'queued', progress: 0 });
    expect(events.slice(1).map((e) => [e.stage, e.progress])).toEqual([
      ['loading', 5],
      ['solving', 40],
      ['saving', 95],
      ['saving', 100],
    ]);
    expect(events.at(-1)?.status).toBe('succeeded');
  });
});

describe('plans while Redis is down', () => {
  const port = 16_000 + Math.floor(Math.random() * 1000);
  let api: ApiHarness;
  let redis: import('node:child_process').ChildProcess | undefined;

  beforeAll(async () => {
    api = await startApi({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  }, 60_000);

  afterAll(async () => {
    redis?.kill('SIGKILL');
    await api?.close();
  });

  it('answers 503 with a clear message, never 500, and recovers by itself when Redis returns', async () => {
    const launch = () =>
      api
        .http()
        .post(`/counties/${api.fixtures.countyA}/plans`)
        .set(authHeader(api, 'hr'))
        .send({ scenario: '断线测试' });
    const down = await launch().expect(503);
    expect(down.body.error).toMatchObject({
      code: 'queue_unavailable',
      message_zh: expect.stringContaining('队列'),
    });
    expect((await api.http().get('/health').expect(503)).body).toMatchObject({
      database: 'up',
      redis: 'down',
    });
    const [{ count }] = await api.db.dataSource.query(
      `SELECT count(*)::int FROM plans WHERE scenario = '断线测试'`,
    );
    expect(count).toBe(0);

    const { spawn } = await import('node:child_process');
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    let status = 0;
    for (let i = 0; i < 50 && status !== 202; i++) {
      await sleep(200);
      status = (await launch()).status;
      expect([202, 503]).toContain(status);
    }
    expect(status).toBe(202);
    expect((await api.http().get('/health').expect(200)).body).toMatchObject({ database: 'up', redis: 'up' });
  }, 30_000);
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
