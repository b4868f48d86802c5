import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@tr/config';
import {
  createPlanQueue,
  PlanJobErrorCode,
  PlanLauncher,
  PlanStage,
  type PlanProgress,
  type PlanQueueHandle,
} from '@tr/jobs';
import {
  createPlanJobFixture,
  type ImportedCounty,
  type PlanJobFixture,
} from '@tr/jobs/testing/plan-job-fixture';
import { optimizePlan } from '@tr/optimizer';
import { PlanEntity, PlanMoveEntity, PlanRunRepository, SnapshotRepository } from '@tr/persistence';
import { PlanProcessor } from './plan.processor';
import { SolveThreadPool } from './solve-thread-pool';
import {
  NATIONAL_ID_PATTERN,
  recordEvents,
  startWorker,
  waitFor,
  waitForPlan,
  type RecordedEvents,
} from './testing/worker-harness';

jest.setTimeout(60_000);

const ORDER = [PlanStage.Loading, PlanStage.Building, PlanStage.Solving, PlanStage.Naming, PlanStage.Saving];

describe(PlanProcessor.name, () => {
  let fixture: PlanJobFixture;
  let config: AppConfig;
  let mini: ImportedCounty;
  let dengfeng: ImportedCounty;
  let handle: PlanQueueHandle;
  let launcher: PlanLauncher;
  let recorded: RecordedEvents;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    // A short lock (2 s, checked every second) so a blocked event loop would show up as a stall.
    fixture = await createPlanJobFixture({
      PLAN_JOB_LOCK_MS: '2000',
      PLAN_JOB_STALLED_INTERVAL_MS: '1000',
      PLAN_JOB_BACKOFF_MS: '1000',
    });
    config = fixture.config();
    mini = await fixture.importCounty('100001', 'mini');
    dengfeng = await fixture.importCounty('410185', 'dengfeng');
    handle = createPlanQueue(config);
    await handle.queue.waitUntilReady();
    launcher = new PlanLauncher(fixture.db.dataSource, handle.queue, config.jobs);
    recorded = await recordEvents(config);
    worker = await startWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await recorded.events.close();
    await handle.close();
    await fixture.close();
  });

  const restartWorker = async (overrides: Record<string, string> = {}) => {
    await worker?.close();
    worker = await startWorker(fixture.config(overrides));
  };
  const movesOf = (planId: string) =>
    fixture.db.dataSource.manager.find(PlanMoveEntity, { where: { planId }, order: { position: 'ASC' } });
  const completions = (jobId: string) => recorded.completed.filter((c) => c.jobId === jobId);

  it('reports every stage in order with rising percentages and saves the optimizer’s plan', async () => {
    const { plan } = await launcher.launch({ countyId: mini.id, scenario: 'base', policyOverrides: {} });
    const done = await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.status === 'succeeded');
    await waitFor(async () => completions(plan.id).length > 0, 5000, 'the completed event');

    const progress = recorded.progress.filter((p) => p.jobId === plan.id).map((p) => p.data as PlanProgress);
    const stages = progress.map((p) => p.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(ORDER);
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[percents.length - 1]).toBeGreaterThanOrEqual(92);
    expect(done).toMatchObject({ stage: PlanStage.Saving, progress: 100, attempts: 1, error: null });

    const snapshot = await new SnapshotRepository(fixture.db.dataSource).loadSnapshot(mini.code, plan.year);
    const expected = (await optimizePlan(snapshot)).plan;
    const saved = await movesOf(plan.id);
    expect(saved.map((m) => [m.staffNo, m.fromSchoolCode, m.toSchoolCode, m.subject, m.reasonsZh])).toEqual(
      expected.moves.map((m) => [m.teacher_id, m.from_school, m.to_school, m.subject, m.reasons_zh]),
    );
    expect(saved.every((m) => m.teacherId && m.fromSchoolId && m.toSchoolId)).toBe(true);
    expect(done.header?.snapshot_hash).toBe(expected.plan.snapshot_hash);
    expect(done.metrics).toEqual(JSON.parse(JSON.stringify(expected.metrics)));
    expect(completions(plan.id)[0].returnvalue).toEqual({
      status: 'succeeded',
      moves: expected.moves.length,
    });
  });

  it('runs ten concurrent launches with one key, and one more after the job was removed, as one plan and one job', async () => {
    const launches = await Promise.all(
      Array.from({ length: 10 }, () =>
        launcher.launch({
          countyId: mini.id,
          scenario: 'once',
          policyOverrides: {},
          idempotencyKey: 'key-once',
        }),
      ),
    );
    const planId = launches[0].plan.id;
    await waitForPlan(fixture.db.dataSource, planId, (p) => p.status === 'succeeded');
    await waitFor(async () => completions(planId).length > 0, 5000, 'the completed event');
    await (await handle.queue.getJob(planId))!.remove();

    const again = await launcher.launch({
      countyId: mini.id,
      scenario: 'once',
      policyOverrides: {},
      idempotencyKey: 'key-once',
    });

    expect(launches.filter((l) => l.created)).toHaveLength(1);
    expect(new Set([...launches, again].map((l) => l.plan.id))).toEqual(new Set([planId]));
    expect(again).toMatchObject({ created: false, plan: { status: 'succeeded', attempts: 1 } });
    expect(await handle.queue.getJob(planId)).toBeUndefined();
    expect(await fixture.db.dataSource.manager.countBy(PlanEntity, { idempotencyKey: 'key-once' })).toBe(1);
    expect(completions(planId)).toHaveLength(1);
  });

  it('solves a later job on the thread an earlier one warmed, not on a new one', async () => {
    const threads = worker!.get(SolveThreadPool);
    const before = threads.started;
    const { plan } = await launcher.launch({ countyId: mini.id, scenario: 'warm', policyOverrides: {} });
    await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.status === 'succeeded');

    expect(before).toBe(1);
    expect(threads.started).toBe(before);
  });

  it('stops a running solve within about a second of a cancel and does not retry it', async () => {
    const { plan } = await launcher.launch({
      countyId: dengfeng.id,
      scenario: 'cancel-running',
      policyOverrides: {},
    });
    await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.stage === PlanStage.Solving, 20_000);

    const asked = Date.now();
    expect(await launcher.cancel(plan.id)).toMatchObject({ status: 'running', cancelRequested: true });
    const cancelled = await waitForPlan(
      fixture.db.dataSource,
      plan.id,
      (p) => p.status === 'cancelled',
      5000,
    );

    expect(Date.now() - asked).toBeLessThan(1500);
    expect(cancelled).toMatchObject({ attempts: 1, header: null });
    await waitFor(async () => completions(plan.id).length > 0, 5000, 'the job to end');
    expect(completions(plan.id)[0].returnvalue).toEqual({ status: 'cancelled' });
    expect(await movesOf(plan.id)).toHaveLength(0);
  });

  it('retries a transient database failure with backoff and then succeeds', async () => {
    const db = fixture.db.dataSource;
    await db.query('ALTER TABLE teachers RENAME TO teachers_away');
    let planId: string;
    try {
      planId = (await launcher.launch({ countyId: mini.id, scenario: 'retry', policyOverrides: {} })).plan.id;
      const failedOnce = await waitForPlan(
        db,
        planId,
        (p) => p.status === 'queued' && p.attempts === 1 && p.error !== null,
        10_000,
      );
      expect(failedOnce.error).toMatchObject({
        code: PlanJobErrorCode.Transient,
        message: expect.stringContaining('teachers'),
      });
    } finally {
      await db.query('ALTER TABLE teachers_away RENAME TO teachers');
    }
    const firstStart = (await db.manager.findOneByOrFail(PlanEntity, { id: planId })).startedAt!;
    const done = await waitForPlan(db, planId, (p) => p.status === 'succeeded');

    expect(done).toMatchObject({ attempts: 2, error: null });
    expect(done.startedAt!.getTime() - firstStart.getTime()).toBeGreaterThanOrEqual(config.jobs.backoffMs);
    expect((await movesOf(planId)).length).toBeGreaterThan(0);
  });

  it('fails invalid input at once, with its reason on the plan', async () => {
    await worker?.close();
    worker = undefined;
    const { plan } = await launcher.launch({
      countyId: mini.id,
      scenario: 'invalid',
      policyOverrides: { max_rotation_rate: 0.15 },
    });
    // The county's policy changes after the launch: the override is now below the minimum rate.
    const raise = `UPDATE county_policies SET settings = jsonb_set(settings, '{min_rotation_rate}', $2::jsonb) WHERE county_id = $1`;
    await fixture.db.dataSource.query(raise, [mini.id, '0.2']);
    try {
      await restartWorker();
      const failed = await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.status === 'failed');
      await waitFor(async () => recorded.failed.find((f) => f.jobId === plan.id), 5000, 'the failed event');

      expect(failed).toMatchObject({ attempts: 1, error: { code: PlanJobErrorCode.InvalidPolicyOverride } });
      expect(failed.error?.message_zh).toContain('max_rotation_rate');
      expect((await handle.queue.getJob(plan.id))?.attemptsMade).toBe(1);
    } finally {
      await fixture.db.dataSource.query(raise, [mini.id, '0.1']);
    }
  });

  it('queues again, at start-up, a plan whose launch committed but never queued its job', async () => {
    await worker?.close();
    worker = undefined;
    // What a launch that crashed between its commit and queue.add leaves behind: a row and no job.
    const { plan } = await new PlanRunRepository(fixture.db.dataSource).createOrGet({
      countyId: mini.id,
      year: mini.snapshot.policy.year,
      scenario: 'orphan',
      policyOverrides: {},
    });
    expect(await handle.queue.getJob(plan.id)).toBeUndefined();

    await restartWorker();

    expect(await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.status === 'succeeded')).toMatchObject({
      attempts: 1,
    });
  });

  it('hands a running job back to the queue when shutdown outlasts the grace period, and another worker finishes it', async () => {
    // Hohhot-sized, so that the solve outlasts the 2 s lock several times over (Dengfeng plans in 1.5 s).
    const large = await fixture.importCounty('150100', 'hohhot');
    await restartWorker({ SHUTDOWN_GRACE_MS: '200' });
    const { plan } = await launcher.launch({
      countyId: large.id,
      scenario: 'handed-back',
      policyOverrides: {},
    });
    await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.stage === PlanStage.Solving, 20_000);

    await worker!.close();
    worker = undefined;

    expect(await handle.queue.getJobState(plan.id)).toBe('waiting');
    expect(await fixture.db.dataSource.manager.findOneByOrFail(PlanEntity, { id: plan.id })).toMatchObject({
      status: 'queued',
      attempts: 1,
    });
    await restartWorker();
    const done = await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.status === 'succeeded', 40_000);
    expect(done.attempts).toBe(2);
    // That solve ran for seconds under a 2 s lock checked every second: lock renewal kept going.
    expect(done.finishedAt!.getTime() - done.startedAt!.getTime()).toBeGreaterThan(3000);
    expect(recorded.stalled).toEqual([]);
  });

  it('had no stalled job in the whole suite and kept national IDs out of every progress event and result', async () => {
    expect(recorded.stalled).toEqual([]);
    const inRedis = JSON.stringify([recorded.progress, recorded.completed, recorded.failed]);
    expect(inRedis).not.toMatch(NATIONAL_ID_PATTERN);
    expect(
      dengfeng.snapshot.teachers.some((t) => t.nationalId && NATIONAL_ID_PATTERN.test(t.nationalId)),
    ).toBe(true);
  });
});
