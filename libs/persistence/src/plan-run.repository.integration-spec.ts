import { generateCounty } from '@tr/samples';
import { optimizePlan } from '@tr/optimizer';
import type { Plan } from '@tr/domain';
import { PlanEntity } from './entities/plan.entity';
import { PlanMoveEntity } from './entities/plan-move.entity';
import { PlanRunRepository, type PlanRunLease } from './plan-run.repository';
import { SnapshotRepository } from './snapshot.repository';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

describe(PlanRunRepository.name, () => {
  let db: TestDatabase;
  let plans: PlanRunRepository;
  let countyId: string;
  let result: Plan;

  beforeAll(async () => {
    db = await createTestDatabase();
    plans = new PlanRunRepository(db.dataSource);
    const snapshot = generateCounty('mini');
    ({ countyId } = await new SnapshotRepository(db.dataSource).importSnapshot('100001', snapshot));
    result = (await optimizePlan(snapshot)).plan;
  });

  afterAll(async () => {
    await db.drop();
  });

  const newPlan = async (key?: string) =>
    (
      await plans.createOrGet({
        countyId,
        year: 2026,
        scenario: 's',
        policyOverrides: {},
        idempotencyKey: key,
      })
    ).plan;
  const startedLease = async (planId: string): Promise<PlanRunLease> => {
    const start = await plans.start(planId);
    if (!start.started) throw new Error('did not start');
    return start.lease;
  };

  describe('createOrGet', () => {
    it('makes one row for ten concurrent calls with one key', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          plans.createOrGet({
            countyId,
            year: 2026,
            scenario: 's',
            policyOverrides: {},
            idempotencyKey: 'k-10',
          }),
        ),
      );

      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.plan.id)).size).toBe(1);
      expect(await db.dataSource.manager.countBy(PlanEntity, { idempotencyKey: 'k-10' })).toBe(1);
    });

    it('makes a new row each time when there is no key', async () => {
      expect((await newPlan()).id).not.toBe((await newPlan()).id);
    });
  });

  describe('start', () => {
    it('counts attempts and gives each a new lease', async () => {
      const plan = await newPlan();
      const first = await startedLease(plan.id);
      const second = await startedLease(plan.id);

      expect([first.attempt, second.attempt]).toEqual([1, 2]);
      expect((await plans.findById(plan.id))?.startedAt).toBeInstanceOf(Date);
    });

    it('does not start a cancelled plan, and ends one whose cancel came while it was unowned', async () => {
      const cancelled = await newPlan();
      await plans.requestCancel(cancelled.id);
      expect(await plans.start(cancelled.id)).toMatchObject({
        started: false,
        plan: { status: 'cancelled' },
      });

      const orphan = await newPlan();
      await startedLease(orphan.id);
      await plans.requestCancel(orphan.id);
      expect(await plans.start(orphan.id)).toMatchObject({
        started: false,
        plan: { status: 'cancelled', attempts: 1 },
      });
    });
  });

  describe('progress', () => {
    it('writes stage and percent while the version matches, and reports a cancel request that changed it', async () => {
      const plan = await newPlan();
      const lease = await startedLease(plan.id);

      expect(await plans.progress(lease, 'solving', 40)).toBe('ok');
      expect(await plans.findById(plan.id)).toMatchObject({
        stage: 'solving',
        progress: 40,
        version: lease.version,
      });
      await plans.requestCancel(plan.id);
      expect(await plans.progress(lease, 'solving', 60)).toBe('cancel-requested');
      expect((await plans.findById(plan.id))?.progress).toBe(40);
    });

    it('tells an attempt that another attempt has taken the row', async () => {
      const plan = await newPlan();
      const stale = await startedLease(plan.id);
      await startedLease(plan.id);

      expect(await plans.progress(stale, 'naming', 90)).toBe('lost');
    });
  });

  describe('saveResult', () => {
    it('stores header, metrics, policy and every move with ids in one go', async () => {
      const plan = await newPlan();
      const lease = await startedLease(plan.id);

      expect(await plans.saveResult(lease, countyId, result)).toBe(true);

      const saved = await plans.findById(plan.id);
      expect(saved).toMatchObject({ status: 'succeeded', progress: 100, policy: result.plan.policy });
      const moves = await db.dataSource.manager.find(PlanMoveEntity, {
        where: { planId: plan.id },
        order: { position: 'ASC' },
      });
      expect(moves.map((m) => m.staffNo)).toEqual(result.moves.map((m) => m.teacher_id));
      expect(
        moves.every((m) => m.teacherId !== null && m.fromSchoolId !== null && m.toSchoolId !== null),
      ).toBe(true);
    });

    it('refuses a save from an attempt that lost the row, writing no moves', async () => {
      const plan = await newPlan();
      const stale = await startedLease(plan.id);
      const current = await startedLease(plan.id);

      expect(await plans.saveResult(stale, countyId, result)).toBe(false);
      expect(await db.dataSource.manager.countBy(PlanMoveEntity, { planId: plan.id })).toBe(0);
      expect(await plans.saveResult(current, countyId, result)).toBe(true);
      expect(await plans.saveResult(current, countyId, result)).toBe(false);
      expect(await db.dataSource.manager.countBy(PlanMoveEntity, { planId: plan.id })).toBe(
        result.moves.length,
      );
    });

    it('refuses a save once a cancel was requested', async () => {
      const plan = await newPlan();
      const lease = await startedLease(plan.id);
      await plans.requestCancel(plan.id);

      expect(await plans.saveResult(lease, countyId, result)).toBe(false);
      expect(await plans.cancelled(lease)).toBe(true);
      expect(await plans.findById(plan.id)).toMatchObject({ status: 'cancelled', header: null });
    });
  });

  describe('fail, requeue and requestCancel', () => {
    it('records the reason of a failure and keeps a finished plan from being cancelled', async () => {
      const plan = await newPlan();
      const lease = await startedLease(plan.id);
      const error = { code: 'policy_not_found', message: 'no policy', message_zh: '没有政策' };

      expect(await plans.fail(lease, error)).toBe(true);
      expect(await plans.findById(plan.id)).toMatchObject({ status: 'failed', error });
      expect(await plans.requestCancel(plan.id)).toMatchObject({ outcome: 'finished' });
      expect(await plans.requestCancel('00000000-0000-0000-0000-000000000000')).toEqual({
        outcome: 'not-found',
      });
    });

    it('returns a retried plan to the queue and lists it among the open plans', async () => {
      const plan = await newPlan();
      const lease = await startedLease(plan.id);

      expect(await plans.requeue(lease, null)).toBe(true);
      expect((await plans.findOpen()).map((p) => p.id)).toContain(plan.id);
      expect(await plans.deleteQueued(plan.id)).toBe(false); // it has run once: not a launch to undo
    });
  });
});
