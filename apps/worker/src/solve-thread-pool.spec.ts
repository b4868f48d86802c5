import type { Snapshot } from '@tr/domain';
import { optimizePlan } from '@tr/optimizer';
import { planJson } from '@tr/io';
import { generateCounty } from '@tr/samples';
import { smallCounty } from '@tr/validator/testing/small-county';
import type { SolveRequest } from './plan-solve.types';
import {
  DEFAULT_SOLVE_THREAD_POOL,
  SolveAbortedError,
  SolveFailedError,
  SolveThreadPool,
  type SolveThreadPoolOptions,
} from './solve-thread-pool';

jest.setTimeout(60_000);

const request = (snapshot: Snapshot = smallCounty()): SolveRequest => ({ snapshot, timeLimitSeconds: 30 });
const noProgress = () => undefined;
const running = () => new AbortController().signal;

describe(SolveThreadPool.name, () => {
  let pool: SolveThreadPool;
  const open = (options: Partial<SolveThreadPoolOptions> = {}) =>
    (pool = new SolveThreadPool({ ...DEFAULT_SOLVE_THREAD_POOL, ...options }));

  afterEach(() => pool.close());

  it('solves one job after another on the same thread, each as optimizePlan plans it on its own', async () => {
    open();
    const stages: string[] = [];
    const small = await pool.solve(request(), (stage) => stages.push(stage), running());
    // Another county in between: a thread's earlier jobs must not change a later plan.
    const sample = await pool.solve(request(generateCounty('mini', 2)), noProgress, running());
    const again = await pool.solve(request(), noProgress, running());

    expect(pool.started).toBe(1);
    const expected = planJson((await optimizePlan(smallCounty(), { threads: 1 })).plan);
    expect(planJson(small.plan)).toBe(expected);
    expect(planJson(again.plan)).toBe(expected);
    expect(planJson(sample.plan)).toBe(planJson((await optimizePlan(generateCounty('mini', 2))).plan));
    expect([small, sample, again].map((r) => r.violations)).toEqual([[], [], []]);
    expect(stages[0]).toBe('building');
    expect(stages).toContain('solving');
  });

  it('ends the thread of an aborted solve at once, and starts a new one for the next job', async () => {
    open();
    await pool.solve(request(), noProgress, running());
    const stop = new AbortController();
    const aborted = pool.solve(request(), () => stop.abort('cancel-requested'), stop.signal);

    await expect(aborted).rejects.toBeInstanceOf(SolveAbortedError);
    await expect(aborted).rejects.toMatchObject({ reason: 'cancel-requested' });
    const next = await pool.solve(request(), noProgress, running());
    expect(next.violations).toEqual([]);
    expect(pool.started).toBe(2);
  });

  it('rejects a solve aborted before it starts without touching a thread', async () => {
    open();
    const stop = new AbortController();
    stop.abort('shutdown');
    await expect(pool.solve(request(), noProgress, stop.signal)).rejects.toMatchObject({
      reason: 'shutdown',
    });
    expect(pool.started).toBe(0);
  });

  it('reports an optimizer failure as such and does not reuse that thread for the next job', async () => {
    open();
    const broken = { ...smallCounty(), schools: undefined } as unknown as Snapshot;
    await expect(pool.solve(request(broken), noProgress, running())).rejects.toBeInstanceOf(SolveFailedError);
    const next = await pool.solve(request(), noProgress, running());

    expect(next.violations).toEqual([]);
    expect(pool.started).toBe(2);
  });

  it('keeps at most maxIdle threads, ends them when idle too long, and renews one after maxJobsPerThread', async () => {
    open({ maxIdle: 1 });
    await Promise.all([1, 2].map(() => pool.solve(request(), noProgress, running())));
    expect(pool.started).toBe(2);
    await pool.solve(request(), noProgress, running());
    expect(pool.started).toBe(2);
    await pool.close();

    open({ idleMs: 50 });
    await pool.solve(request(), noProgress, running());
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.solve(request(), noProgress, running());
    expect(pool.started).toBe(2);
    await pool.close();

    open({ maxJobsPerThread: 2 });
    for (let job = 0; job < 3; job++) await pool.solve(request(), noProgress, running());
    expect(pool.started).toBe(2);
  });

  it('takes no job once closed', async () => {
    open();
    await pool.close();
    await expect(pool.solve(request(), noProgress, running())).rejects.toThrow(/closed/);
  });
});
