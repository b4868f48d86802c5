import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '@tr/config';
import { createPlanQueue, PlanLauncher, PlanStage, type PlanQueueHandle } from '@tr/jobs';
import {
  createPlanJobFixture,
  type ImportedCounty,
  type PlanJobFixture,
} from '@tr/jobs/testing/plan-job-fixture';
import { PlanEntity } from '@tr/persistence';
import {
  NATIONAL_ID_PATTERN,
  recordEvents,
  waitFor,
  waitForPlan,
  type RecordedEvents,
} from './testing/worker-harness';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');

interface WorkerProcess {
  child: ChildProcess;
  signal(name: NodeJS.Signals): void;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('the worker process', () => {
  let fixture: PlanJobFixture;
  let config: AppConfig;
  let county: ImportedCounty;
  let handle: PlanQueueHandle;
  let launcher: PlanLauncher;
  let recorded: RecordedEvents;
  const workers: WorkerProcess[] = [];

  /** `npm run worker`, as an operator starts it, with this suite's database, queue prefix and a short lock. */
  const spawnWorker = async (): Promise<WorkerProcess> => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...fixture.env, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '60000' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: the tsx launcher runs node as a child, and a signal must reach both,
      // as it does when a container or a supervisor stops the worker.
      detached: true,
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const worker = {
      child,
      signal: (name: NodeJS.Signals) => process.kill(-child.pid!, name),
      output: () => output,
      exited,
    };
    workers.push(worker);
    await waitFor(
      async () => output.includes('worker ready') || child.exitCode !== null,
      30_000,
      'the worker to start',
    );
    if (child.exitCode !== null) throw new Error(`worker exited at start-up:\n${output}`);
    return worker;
  };

  beforeAll(async () => {
    fixture = await createPlanJobFixture({ PLAN_JOB_LOCK_MS: '2000', PLAN_JOB_STALLED_INTERVAL_MS: '1000' });
    config = fixture.config();
    county = await fixture.importCounty('410185', 'dengfeng');
    handle = createPlanQueue(config);
    await handle.queue.waitUntilReady();
    launcher = new PlanLauncher(fixture.db.dataSource, handle.queue, config.jobs);
    recorded = await recordEvents(config);
  });

  afterAll(async () => {
    for (const w of workers) {
      try {
        w.signal('SIGKILL');
      } catch {
        // the group is gone already
      }
    }
    await Promise.all(workers.map((w) => w.exited));
    await recorded.events.close();
    await handle.close();
    await fixture.close();
  });

  const solving = (planId: string) =>
    waitForPlan(fixture.db.dataSource, planId, (p) => p.stage === PlanStage.Solving, 30_000);

  it('saves a plan exactly once when its worker is killed mid-solve and another takes the job over', async () => {
    const first = await spawnWorker();
    const { plan } = await launcher.launch({
      countyId: county.id,
      scenario: 'killed',
      policyOverrides: {},
      idempotencyKey: 'killed-1',
    });
    await solving(plan.id);

    first.signal('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await spawnWorker();
    const done = await waitForPlan(fixture.db.dataSource, plan.id, (p) => p.status === 'succeeded', 60_000);
    await waitFor(
      async () => recorded.completed.some((c) => c.jobId === plan.id),
      5000,
      'the completed event',
    );

    const [moves] = (await fixture.db.dataSource.query(
      `SELECT count(*)::int AS total, count(DISTINCT staff_no)::int AS teachers FROM plan_moves WHERE plan_id = $1`,
      [plan.id],
    )) as { total: number; teachers: number }[];
    const completed = recorded.completed.filter((c) => c.jobId === plan.id);
    expect(done.attempts).toBe(2);
    expect(await fixture.db.dataSource.manager.countBy(PlanEntity, { idempotencyKey: 'killed-1' })).toBe(1);
    expect(completed).toHaveLength(1);
    expect(completed[0].returnvalue).toEqual({ status: 'succeeded', moves: moves.total });
    expect(moves.teachers).toBe(moves.total);
    expect(moves.total).toBeGreaterThan(0);
    expect(recorded.stalled).toEqual([plan.id]);
  });

  it('finishes the running job on SIGTERM, exits 0, and never runs the job again', async () => {
    const [, second] = workers;
    const { plan } = await launcher.launch({
      countyId: county.id,
      scenario: 'terminated',
      policyOverrides: {},
    });
    await solving(plan.id);

    second.signal('SIGTERM');
    const exit = await second.exited;
    const row = await fixture.db.dataSource.manager.findOneByOrFail(PlanEntity, { id: plan.id });

    expect(exit).toEqual({ code: 0, signal: null });
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(await handle.queue.getJobState(plan.id)).toBe('completed');
    // Past a lock period and a stall check, still one run and no stall beyond the killed worker's.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(recorded.completed.filter((c) => c.jobId === plan.id)).toHaveLength(1);
    expect(recorded.stalled).toHaveLength(1);
  });

  it('writes structured logs with no national ID in them', () => {
    const lines = workers.flatMap((w) =>
      w
        .output()
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.join('\n')).not.toMatch(NATIONAL_ID_PATTERN);
    expect(lines.some((l) => l.includes('"plan finished"'))).toBe(true);
  });
});
