/**
 * Plan jobs one after another as the worker runs them: `npm run bench:worker [-- --county hohhot --seeds 1-3 --passes 2]`.
 * Each job goes through the worker's own SolveThreadPool (optimize and validate on a solve thread), once
 * with the thread kept for the next job, as the worker does, and once with a new thread for every job,
 * as it did before. Each way runs in a child process of its own, as a worker process would, so neither
 * inherits code the other warmed; the Markdown table goes to stdout, progress to stderr.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEFAULT_SOLVE_THREAD_POOL, SolveThreadPool } from '../apps/worker/src/solve-thread-pool';
import { COUNTY_KEYS, generateBenchCounty, isCountyKey, type CountyKey } from './counties';
import { median } from './median';
import { seedList } from './seed-list';

interface Run {
  label: string;
  seconds: number[];
  threads: number;
}

async function jobsInARow(
  label: string,
  county: CountyKey,
  seeds: readonly number[],
  keepThread: boolean,
): Promise<Run> {
  const pool = new SolveThreadPool({
    ...DEFAULT_SOLVE_THREAD_POOL,
    maxJobsPerThread: keepThread ? DEFAULT_SOLVE_THREAD_POOL.maxJobsPerThread : 1,
  });
  const seconds: number[] = [];
  try {
    for (const seed of seeds) {
      // Generated outside the timed part, as the worker loads a snapshot before it solves.
      const snapshot = generateBenchCounty(county, seed);
      const started = performance.now();
      const result = await pool.solve(
        { snapshot, timeLimitSeconds: 600 },
        () => undefined,
        new AbortController().signal,
      );
      if (result.violations.length > 0) throw new Error(`seed ${seed}: the plan broke a rule`);
      seconds.push((performance.now() - started) / 1000);
      process.stderr.write(`[${label}] seed ${seed}: ${seconds.at(-1)!.toFixed(2)} s\n`);
    }
  } finally {
    await pool.close();
  }
  return { label, seconds, threads: pool.started };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      county: { type: 'string', default: 'hohhot' },
      seeds: { type: 'string', default: '1,2,3' },
      passes: { type: 'string', default: '2' },
      /** Set on the child processes: which way to run the jobs; the result is one JSON line. */
      'keep-thread': { type: 'string' },
    },
    strict: true,
  });
  const county = values.county;
  if (!isCountyKey(county))
    throw new Error(`--county takes one of ${COUNTY_KEYS.join(', ')}, got "${county}"`);
  const seeds = seedList(values.seeds);
  const passes = Number(values.passes);
  if (!Number.isInteger(passes) || passes < 1)
    throw new Error(`--passes takes a positive integer, got "${values.passes}"`);
  const jobs = Array.from({ length: passes }, () => seeds).flat();

  if (values['keep-thread'] !== undefined) {
    const keep = values['keep-thread'] === 'true';
    const run = await jobsInARow(keep ? 'thread kept' : 'new thread per job', county, jobs, keep);
    process.stdout.write(`${JSON.stringify(run)}\n`);
    return;
  }
  const runs = ['false', 'true'].map((keep): Run => {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        __filename,
        '--county',
        county,
        '--seeds',
        values.seeds,
        '--passes',
        values.passes,
        '--keep-thread',
        keep,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(output.trim().split('\n').at(-1)!) as Run;
  });
  const lines = [
    `## Plan jobs in a row on ${county}, seeds ${jobs.join(', ')} (${new Date().toISOString()})`,
    '',
    '| solve threads | threads started | first job s | later jobs s (min / median / max) | every job s |',
    '|---|---|---|---|---|',
    ...runs.map((run) => {
      const later = run.seconds.slice(1);
      const spread =
        later.length > 0
          ? `${Math.min(...later).toFixed(2)} / ${median(later)!.toFixed(2)} / ${Math.max(...later).toFixed(2)}`
          : '—';
      return `| ${run.label} | ${run.threads} | ${run.seconds[0].toFixed(2)} | ${spread} | ${run.seconds.map((s) => s.toFixed(2)).join(' ')} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
