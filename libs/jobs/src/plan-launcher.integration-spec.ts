import { createServer, connect, type Server, type Socket } from 'node:net';
import { PlanEntity } from '@tr/persistence';
import type { Queue } from 'bullmq';
import {
  PlanNotCancellableError,
  PlanNotFoundError,
  QueueUnavailableError,
  InvalidPolicyOverrideError,
} from './plan-job.exception';
import { PlanJobErrorCode } from './plan-job-error-code';
import { PlanLauncher } from './plan-launcher';
import type { GeneratePlanPayload } from './queues';
import { createPlanQueue, type PlanQueueHandle } from './redis-connection';
import {
  createPlanJobFixture,
  TEST_REDIS_URL,
  type ImportedCounty,
  type PlanJobFixture,
} from './testing/plan-job-fixture';

describe(PlanLauncher.name, () => {
  let fixture: PlanJobFixture;
  let county: ImportedCounty;
  let handle: PlanQueueHandle;
  let queue: Queue<GeneratePlanPayload>;
  let launcher: PlanLauncher;

  beforeAll(async () => {
    fixture = await createPlanJobFixture();
    county = await fixture.importCounty('100001', 'mini');
    const config = fixture.config();
    handle = createPlanQueue(config);
    queue = handle.queue;
    await queue.waitUntilReady();
    launcher = new PlanLauncher(fixture.db.dataSource, queue, config.jobs);
  });

  afterAll(async () => {
    await handle.close();
    await fixture.close();
  });

  const plansWithKey = (key: string) =>
    fixture.db.dataSource.manager.countBy(PlanEntity, { idempotencyKey: key });

  describe('launch', () => {
    it('stores a queued plan for the county’s latest policy year and queues one job named by the plan id', async () => {
      const { plan, created } = await launcher.launch({
        countyId: county.id,
        scenario: 'base',
        policyOverrides: { max_distance_km: 40 },
      });

      expect(created).toBe(true);
      expect(plan).toMatchObject({
        status: 'queued',
        year: county.snapshot.policy.year,
        attempts: 0,
        policyOverrides: { max_distance_km: 40 },
      });
      const job = await queue.getJob(plan.id);
      expect(job?.data).toEqual({ planId: plan.id });
      expect(job?.opts).toMatchObject({
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnFail: false,
      });
    });

    it('gives ten concurrent launches with one key one plan and one job', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          launcher.launch({
            countyId: county.id,
            scenario: 'race',
            policyOverrides: {},
            idempotencyKey: 'race-1',
          }),
        ),
      );

      expect(new Set(results.map((r) => r.plan.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await plansWithKey('race-1')).toBe(1);
      expect((await queue.getJobs(['waiting'])).filter((j) => j.id === results[0].plan.id)).toHaveLength(1);
    });

    it('refuses an override outside the policy rules, naming the key, and stores nothing', async () => {
      const attempt = launcher.launch({
        countyId: county.id,
        scenario: 'bad',
        policyOverrides: { max_rotation_rate: 1.5 },
        idempotencyKey: 'bad-1',
      });

      await expect(attempt).rejects.toThrow(InvalidPolicyOverrideError);
      await expect(attempt).rejects.toMatchObject({
        code: PlanJobErrorCode.InvalidPolicyOverride,
        key: 'max_rotation_rate',
      });
      expect(await plansWithKey('bad-1')).toBe(0);
    });

    it('refuses an unknown key and a minimum rate above the maximum', async () => {
      await expect(
        launcher.launch({ countyId: county.id, scenario: 'bad', policyOverrides: { speed: 3 } as never }),
      ).rejects.toMatchObject({ key: 'speed' });
      await expect(
        launcher.launch({
          countyId: county.id,
          scenario: 'bad',
          policyOverrides: { min_rotation_rate: 0.3, max_rotation_rate: 0.2 },
        }),
      ).rejects.toMatchObject({ key: 'max_rotation_rate', messageZh: expect.stringContaining('不大于') });
    });

    it('refuses a county that was never imported and a year without a policy', async () => {
      await expect(
        launcher.launch({
          countyId: '00000000-0000-0000-0000-000000000000',
          scenario: 'x',
          policyOverrides: {},
        }),
      ).rejects.toMatchObject({ code: PlanJobErrorCode.CountyNotFound });
      await expect(
        launcher.launch({ countyId: county.id, year: 2001, scenario: 'x', policyOverrides: {} }),
      ).rejects.toMatchObject({
        code: PlanJobErrorCode.PolicyNotFound,
      });
    });
  });

  describe('cancel', () => {
    it('cancels a queued plan at once and removes its job', async () => {
      const { plan } = await launcher.launch({
        countyId: county.id,
        scenario: 'cancel',
        policyOverrides: {},
      });

      const cancelled = await launcher.cancel(plan.id);

      expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true });
      expect(cancelled.finishedAt).toBeInstanceOf(Date);
      expect(await queue.getJob(plan.id)).toBeUndefined();
    });

    it('refuses to cancel a finished plan and an unknown one', async () => {
      const { plan } = await launcher.launch({
        countyId: county.id,
        scenario: 'cancel-twice',
        policyOverrides: {},
      });
      await launcher.cancel(plan.id);

      await expect(launcher.cancel(plan.id)).rejects.toThrow(PlanNotCancellableError);
      await expect(launcher.cancel(plan.id)).rejects.toMatchObject({
        code: PlanJobErrorCode.PlanNotCancellable,
        status: 'cancelled',
      });
      await expect(launcher.cancel('00000000-0000-0000-0000-000000000000')).rejects.toThrow(
        PlanNotFoundError,
      );
    });
  });

  describe('when Redis cannot be reached', () => {
    /** A TCP relay to the real Redis that the test can cut and restore, so the shared Redis itself keeps running. */
    let relay: {
      server: Server;
      port: number;
      sockets: Set<Socket>;
      open(): Promise<void>;
      cut(): Promise<void>;
    };
    let relayed: PlanQueueHandle;
    let relayedLauncher: PlanLauncher;

    beforeAll(async () => {
      const target = new URL(TEST_REDIS_URL);
      const sockets = new Set<Socket>();
      let port = 0;
      const server = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      relay = {
        server,
        get port() {
          return port;
        },
        sockets,
        open: () =>
          new Promise((resolve) => {
            server.listen(port, '127.0.0.1', () => {
              port = (server.address() as { port: number }).port;
              resolve();
            });
          }),
        async cut() {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            for (const s of sockets) s.destroy();
          });
        },
      };
      await relay.open();
      const config = fixture.config({ REDIS_URL: `redis://127.0.0.1:${relay.port}` });
      relayed = createPlanQueue(config);
      await relayed.queue.waitUntilReady();
      relayedLauncher = new PlanLauncher(fixture.db.dataSource, relayed.queue, config.jobs);
    });

    afterAll(async () => {
      await relayed.close();
      if (relay.server.listening) await relay.cut();
    });

    it('fails fast with QueueUnavailableError, leaves no plan behind, and works again once Redis is back', async () => {
      await relay.cut();
      const started = Date.now();
      const attempt = relayedLauncher.launch({
        countyId: county.id,
        scenario: 'down',
        policyOverrides: {},
        idempotencyKey: 'down-1',
      });

      await expect(attempt).rejects.toThrow(QueueUnavailableError);
      await expect(attempt).rejects.toMatchObject({
        code: PlanJobErrorCode.QueueUnavailable,
        messageZh: expect.stringContaining('队列'),
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(await plansWithKey('down-1')).toBe(0);

      await relay.open();
      const deadline = Date.now() + 10_000;
      let result;
      while (!result) {
        try {
          result = await relayedLauncher.launch({
            countyId: county.id,
            scenario: 'down',
            policyOverrides: {},
            idempotencyKey: 'down-1',
          });
        } catch (error) {
          if (!(error instanceof QueueUnavailableError) || Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(result.created).toBe(true);
      expect(await queue.getJob(result.plan.id)).toBeDefined();
    });

    it('fails fast when Redis was never reachable since start-up', async () => {
      const config = fixture.config({ REDIS_URL: 'redis://127.0.0.1:1' });
      const dead = createPlanQueue(config);
      try {
        const started = Date.now();
        await expect(
          new PlanLauncher(fixture.db.dataSource, dead.queue, config.jobs).launch({
            countyId: county.id,
            scenario: 'never',
            policyOverrides: {},
            idempotencyKey: 'never-1',
          }),
        ).rejects.toThrow(QueueUnavailableError);
        expect(Date.now() - started).toBeLessThan(1000);
        expect(await plansWithKey('never-1')).toBe(0);
      } finally {
        await dead.close();
      }
    });
  });
});
