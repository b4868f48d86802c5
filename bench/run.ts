/**
 * Benchmark orchestrator: `npm run bench [-- --only dengfeng,hohhot] [--naive-limit 600] [--seeds 1-6] [--passes 2]`.
 * Every measurement runs in a child process of its own (peak memory is per process, and a wasm abort or
 * a hard kill can't touch the other cases), one after another so they don't share the two cores.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCpuTicks, stealPercent } from './cpu-steal';
import { median } from './median';
import { seedList } from './seed-list';
import type { CountyKey } from './counties';
import {
  countByRule,
  type ChildEvent,
  type ChildResult,
  type NaiveResult,
  type OursResult,
  type PhaseEvent,
} from './protocol';

const BENCH_DIR = __dirname;
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
/** The naive child is killed this long after its time limit: jlp's root LP can't be interrupted. */
const NAIVE_KILL_MARGIN_SECONDS = 60;

type Role = 'ours' | 'naive';

interface Job {
  caseName: string;
  role: Role;
  county: CountyKey;
}

interface JobOutcome extends Job {
  seed: number;
  /** Which pass over the seeds (1-based): repeating interleaves runs, so an hour's drift shows up as spread. */
  pass: number;
  command: string;
  /** `codeState()` when the child started. */
  code: string;
  /** 1-minute load average when the child started. */
  loadAverage: number;
  /** Share of the machine's CPU time taken by the hypervisor while the child ran (Linux only). */
  stealPercent?: number;
  /** Spawn to exit, measured here: node start, tsx, generation, the solve, validation. */
  childWallSeconds: number;
  exitCode: number | null;
  signal: string | null;
  /** Set when the orchestrator killed the child: seconds after spawn. */
  killedAtSeconds?: number;
  /** The killed child's peak RSS (VmHWM from /proc, Linux only), MiB. */
  killedPeakRssMiB?: number;
  phases: PhaseEvent[];
  result?: ChildResult;
  stderrTail?: string;
}

interface Comparison {
  caseName: string;
  county: CountyKey;
  naiveSeconds: number | null;
  oursSeconds: number | null;
  /** naive ÷ ours; a lower bound when `atLeast`. */
  speedUp: number | null;
  atLeast: boolean;
  note: string;
}

const CASES: Record<string, Job[]> = {
  dengfeng: [{ caseName: 'dengfeng', role: 'ours', county: 'dengfeng' }],
  hohhot: [{ caseName: 'hohhot', role: 'ours', county: 'hohhot' }],
  prefecture: [{ caseName: 'prefecture', role: 'ours', county: 'prefecture' }],
  'naive-1k': [
    { caseName: 'naive-1k', role: 'ours', county: 'county-1k' },
    { caseName: 'naive-1k', role: 'naive', county: 'county-1k' },
  ],
  'naive-5k': [
    { caseName: 'naive-5k', role: 'ours', county: 'dengfeng' },
    { caseName: 'naive-5k', role: 'naive', county: 'dengfeng' },
  ],
};
/** A case that sets the naive model beside ours on the same county. */
function isComparison(caseName: string): boolean {
  return CASES[caseName].some((job) => job.role === 'naive');
}

const ALIASES: Record<string, string[]> = {
  ours: ['dengfeng', 'hohhot', 'prefecture'],
  naive: ['naive-1k', 'naive-5k'],
  all: Object.keys(CASES),
};

const COUNTY_LABEL: Record<CountyKey, string> = {
  'county-1k': 'dengfeng ×0.19 (~1k)',
  dengfeng: 'dengfeng',
  hohhot: 'hohhot',
  prefecture: 'prefecture',
};

function usage(): string {
  return [
    'usage: npm run bench -- [--only <case,case>] [--naive-limit <seconds>] [--ours-kill <seconds>] [--seed <n> | --seeds <n-m,k>] [--passes <n>]',
    `cases: ${Object.keys(CASES).join(', ')} (aliases: ${Object.entries(ALIASES)
      .map(([a, list]) => `${a} = ${list.join(',')}`)
      .join('; ')})`,
  ].join('\n');
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      'naive-limit': { type: 'string', default: '600' },
      'ours-kill': { type: 'string', default: '1800' },
      seed: { type: 'string', default: '1' },
      seeds: { type: 'string' },
      passes: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  const positive = (name: string, text: string) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0)
      throw new Error(`--${name} must be a positive number, got "${text}"\n${usage()}`);
    return n;
  };
  const seeds = (text: string) => {
    try {
      return seedList(text);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${usage()}`);
    }
  };
  const requested = (values.only ?? 'all')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const selected = new Set<string>();
  for (const name of requested) {
    const expanded = ALIASES[name] ?? (CASES[name] ? [name] : undefined);
    if (!expanded) throw new Error(`unknown case "${name}"\n${usage()}`);
    expanded.forEach((c) => selected.add(c));
  }
  return {
    cases: Object.keys(CASES).filter((c) => selected.has(c)),
    naiveLimit: positive('naive-limit', values['naive-limit']),
    oursKill: positive('ours-kill', values['ours-kill']),
    seeds: values.seeds === undefined ? [Math.trunc(positive('seed', values.seed))] : seeds(values.seeds),
    passes: Math.trunc(positive('passes', values.passes)),
  };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function runJob(
  job: Job,
  seed: number,
  pass: number,
  naiveLimit: number,
  oursKill: number,
): Promise<JobOutcome> {
  const script = path.join(BENCH_DIR, job.role === 'ours' ? 'ours-case.ts' : 'naive-case.ts');
  const args = ['--import', 'tsx', script, '--county', job.county, '--seed', String(seed)];
  if (job.role === 'naive') args.push('--limit', String(naiveLimit));
  const killAfter = job.role === 'naive' ? naiveLimit + NAIVE_KILL_MARGIN_SECONDS : oursKill;
  const command = `node ${args.map((a) => (a === script ? path.relative(REPO_ROOT, a) : a)).join(' ')}`;
  log(
    `[${job.caseName}] ${job.role} on ${job.county}, seed ${seed}, pass ${pass}: ${command} (hard kill at ${killAfter} s)`,
  );

  const code = codeState();
  const loadAverage = Math.round(os.loadavg()[0] * 100) / 100;
  return new Promise((resolve) => {
    const ticksAtStart = readCpuTicks();
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const phases: PhaseEvent[] = [];
    let result: ChildResult | undefined;
    let stdoutBuffer = '';
    let stderr = '';
    let killedAtSeconds: number | undefined;
    let killedPeakRssMiB: number | undefined;
    const elapsed = () => (performance.now() - started) / 1000;

    const onLine = (line: string) => {
      if (line.trim() === '') return;
      let event: ChildEvent;
      try {
        event = JSON.parse(line) as ChildEvent;
      } catch {
        log(`  [child] ${line}`);
        return;
      }
      if (event.event === 'phase') {
        phases.push(event);
        if (!event.phase.startsWith('optimize:') || event.phase === 'optimize:solving') {
          const detail = event.detail ? ` ${JSON.stringify(event.detail)}` : '';
          const took = event.seconds !== undefined ? ` (${event.seconds.toFixed(2)} s)` : '';
          log(`  ${elapsed().toFixed(1).padStart(7)} s  ${event.phase}${took}${detail}`);
        }
      } else result = event;
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdoutBuffer += chunk;
      let newline = stdoutBuffer.indexOf('\n');
      while (newline >= 0) {
        onLine(stdoutBuffer.slice(0, newline));
        stdoutBuffer = stdoutBuffer.slice(newline + 1);
        newline = stdoutBuffer.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      killedAtSeconds = elapsed();
      killedPeakRssMiB = peakRssOf(child.pid);
      log(`  killing ${job.role} child at ${killedAtSeconds.toFixed(1)} s`);
      child.kill('SIGKILL');
    }, killAfter * 1000);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      onLine(stdoutBuffer);
      const steal = stealPercent(ticksAtStart, readCpuTicks());
      const outcome: JobOutcome = {
        ...job,
        seed,
        pass,
        command,
        code,
        loadAverage,
        ...(steal !== undefined ? { stealPercent: steal } : {}),
        childWallSeconds: elapsed(),
        exitCode,
        signal,
        phases,
        ...(killedAtSeconds !== undefined ? { killedAtSeconds } : {}),
        ...(killedPeakRssMiB !== undefined ? { killedPeakRssMiB } : {}),
        ...(result ? { result } : {}),
        ...(stderr.trim() !== '' ? { stderrTail: stderr.trim() } : {}),
      };
      log(`  done in ${outcome.childWallSeconds.toFixed(1)} s: ${describeEnd(outcome)}`);
      resolve(outcome);
    });
  });
}

/** Peak resident set of a live process from /proc/<pid>/status (Linux), MiB. */
function peakRssOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function describeEnd(o: JobOutcome): string {
  if (o.killedAtSeconds !== undefined)
    return `killed at ${o.killedAtSeconds.toFixed(0)} s (last phase: ${o.phases.at(-1)?.phase ?? 'none'})`;
  if (!o.result)
    return `no result (exit ${o.exitCode ?? o.signal ?? '?'})${o.stderrTail ? `: ${o.stderrTail.split('\n').slice(-3).join(' | ')}` : ''}`;
  if (o.result.kind === 'error') return `error: ${o.result.message.split('\n')[0]}`;
  if (o.result.kind === 'ours')
    return `objective ${o.result.objective.toFixed(2)}, ${o.result.optimizeSeconds.toFixed(2)} s, valid ${o.result.valid}`;
  return `status ${o.result.status}, ${o.result.wallSeconds.toFixed(2)} s`;
}

function ours(o: JobOutcome | undefined): OursResult | undefined {
  return o?.result?.kind === 'ours' ? o.result : undefined;
}

function naive(o: JobOutcome | undefined): NaiveResult | undefined {
  return o?.result?.kind === 'naive' ? o.result : undefined;
}

function compare(
  caseName: string,
  oursOutcome: JobOutcome | undefined,
  naiveOutcome: JobOutcome | undefined,
): Comparison {
  const county = (naiveOutcome ?? oursOutcome)!.county;
  const o = ours(oursOutcome);
  const n = naive(naiveOutcome);
  const oursSeconds = o ? o.optimizeSeconds : null;
  let naiveSeconds: number | null = null;
  let atLeast = false;
  let note: string;
  if (naiveOutcome?.killedAtSeconds !== undefined) {
    // Lower bound: kill time minus what the child spent before its timed part began.
    const generated = naiveOutcome.phases.find((p) => p.phase === 'generated');
    naiveSeconds = naiveOutcome.killedAtSeconds - (generated ? generated.at : 0);
    atLeast = true;
    note = `naive killed at ${naiveOutcome.killedAtSeconds.toFixed(0)} s (limit + ${NAIVE_KILL_MARGIN_SECONDS} s), in phase after "${naiveOutcome.phases.at(-1)?.phase ?? 'start'}"`;
  } else if (n) {
    naiveSeconds = n.wallSeconds;
    if (n.status === 'optimal') note = 'naive proved optimal';
    else if (n.status === 'time_limit') {
      atLeast = true;
      note = `naive hit the ${n.limitSeconds} s limit with an integral point (no optimality proof)`;
    } else if (n.status === 'error') {
      atLeast = true;
      note = `naive hit the ${n.limitSeconds} s limit with no integral solution (jlp returned a fractional point)`;
    } else note = `naive status ${n.status}`;
  } else note = `naive failed: ${naiveOutcome ? describeEnd(naiveOutcome) : 'not run'}`;
  if (!o) note += `; ours failed: ${oursOutcome ? describeEnd(oursOutcome) : 'not run'}`;
  const speedUp =
    naiveSeconds !== null &&
    oursSeconds !== null &&
    oursSeconds > 0 &&
    (n?.status !== 'infeasible' || atLeast)
      ? naiveSeconds / oursSeconds
      : null;
  return { caseName, county, naiveSeconds, oursSeconds, speedUp, atLeast, note };
}

const f = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

function violationText(valid: boolean | null, violations: Record<string, number> | null): string {
  if (valid === null) return '—';
  if (valid) return 'ok';
  return `NO (${Object.entries(violations ?? {})
    .map(([rule, n]) => `${rule} ×${n}`)
    .join(', ')})`;
}

/** The plan's flags counted by rule: a prefecture names a hundred exempt heads. */
function flagText(flags: readonly string[]): string {
  if (flags.length === 0) return '';
  return `; flags: ${Object.entries(countByRule(flags.map((rule) => ({ rule }))))
    .map(([rule, n]) => `${rule} ×${n}`)
    .join(', ')}`;
}

function oursTable(outcomes: JobOutcome[]): string {
  const lines = [
    '| case | county | seed | schools / teachers / eligible | gen s | optimizePlan s | build / LP / MIP s | child wall s | peak RSS MiB | objective | LP bound | gap % | status | movers | regions | columns (kept) | shortage FTE before → after | validator | load 1m | steal % |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const o of outcomes.filter((x) => x.role === 'ours')) {
    const r = ours(o);
    if (!r) {
      lines.push(
        `| ${o.caseName} | ${COUNTY_LABEL[o.county]} | ${o.seed} | — | — | ${describeEnd(o).replace(/\|/g, '/')} | — | ${f(o.childWallSeconds)} | ${f(o.result?.peakRssMiB, 0)} | — | — | — | — | — | — | — | — | — | ${f(o.loadAverage)} | ${f(o.stealPercent, 1)} |`,
      );
      continue;
    }
    lines.push(
      `| ${o.caseName} | ${COUNTY_LABEL[o.county]} | ${o.seed} | ${r.size.schools} / ${r.size.teachers} / ${r.size.eligible} | ${f(r.generateSeconds)} | ${f(r.optimizeSeconds)} | ${f(r.buildSeconds)} / ${f(r.lpSeconds)} / ${f(r.mipSeconds)} | ${f(o.childWallSeconds)} | ${f(r.peakRssMiB, 0)} | ${f(r.objective)} | ${f(r.lpBound)} | ${f(r.gapPercent)} | ${r.status} | ${r.movers} | ${r.regions} | ${r.columns} (${r.keptColumns}) | ${f(r.shortageBefore)} → ${f(r.shortageAfter)} | ${violationText(r.valid, r.violations)}${flagText(r.flags)} | ${f(o.loadAverage)} | ${f(o.stealPercent, 1)} |`,
    );
  }
  return lines.join('\n');
}

/** Per case run more than once: how the runs spread, which is what a goal like "≤ 5 s" has to hold over. */
function spreadTable(outcomes: JobOutcome[]): string | undefined {
  const byCase = new Map<string, JobOutcome[]>();
  for (const o of outcomes.filter((x) => x.role === 'ours' && !isComparison(x.caseName)))
    byCase.set(o.caseName, [...(byCase.get(o.caseName) ?? []), o]);
  const rows = [...byCase].filter(([, runs]) => runs.length > 1);
  if (rows.length === 0) return undefined;
  const lines = [
    '| case | runs (failed) | optimizePlan s min / median / max | gap % max | peak RSS MiB max | every plan valid | steal % max |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [caseName, runs] of rows) {
    const results = runs.map(ours).filter((r): r is OursResult => r !== undefined);
    const seconds = results.map((r) => r.optimizeSeconds).sort((a, b) => a - b);
    // Only runs whose steal was read: one without a reading is not a run without steal.
    const steals = runs.flatMap((r) => (r.stealPercent === undefined ? [] : [r.stealPercent]));
    const most = (pick: (r: OursResult) => number) =>
      results.length === 0 ? null : Math.max(...results.map(pick));
    lines.push(
      `| ${caseName} | ${runs.length} (${runs.length - results.length}) | ${f(seconds[0])} / ${f(median(seconds))} / ${f(seconds.at(-1))} | ${f(most((r) => r.gapPercent))} | ${f(
        most((r) => r.peakRssMiB),
        0,
      )} | ${results.length === runs.length && results.every((r) => r.valid) ? 'yes' : 'no'} | ${f(
        steals.length === 0 ? undefined : Math.max(...steals),
        1,
      )} |`,
    );
  }
  return lines.join('\n');
}

function naiveTable(outcomes: JobOutcome[], comparisons: Comparison[]): string {
  const lines = [
    '| case | county | naive columns × rows | naive status | naive wall s (build + jlp) | naive peak RSS MiB | ours optimizePlan s | ours peak RSS MiB | speed-up (naive ÷ ours) | naive objective | shortage FTE after: naive / ours | naive validator | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of comparisons) {
    const no = outcomes.find((o) => o.caseName === c.caseName && o.role === 'naive');
    const oo = outcomes.find((o) => o.caseName === c.caseName && o.role === 'ours');
    const n = naive(no);
    const o = ours(oo);
    const built = no?.phases.find((p) => p.phase === 'built')?.detail;
    const size = n
      ? `${n.columns} × ${n.rows}`
      : built
        ? `${String(built.columns)} × ${String(built.rows)}`
        : '—';
    const status =
      no?.killedAtSeconds !== undefined
        ? `killed at ${no.killedAtSeconds.toFixed(0)} s`
        : n
          ? n.status
          : no
            ? describeEnd(no)
            : '—';
    const wall = no?.killedAtSeconds !== undefined ? `≥ ${f(c.naiveSeconds)}` : n ? f(n.wallSeconds) : '—';
    const speed = c.speedUp === null ? '—' : `${c.atLeast ? '≥ ' : ''}${c.speedUp.toFixed(1)}×`;
    const naiveRss = n
      ? f(n.peakRssMiB, 0)
      : no?.killedPeakRssMiB !== undefined
        ? `${f(no.killedPeakRssMiB, 0)} (at kill)`
        : no?.result?.kind === 'error'
          ? f(no.result.peakRssMiB, 0)
          : '—';
    lines.push(
      `| ${c.caseName} | ${COUNTY_LABEL[c.county]} (${o?.size.teachers ?? n?.size.teachers ?? '?'} teachers) | ${size} | ${status} | ${wall} | ${naiveRss} | ${f(c.oursSeconds)} | ${f(o?.peakRssMiB, 0)} | ${speed} | ${f(n?.objective)} | ${f(n?.shortageAfter)} / ${f(o?.shortageAfter)} | ${n ? violationText(n.valid, n.violations) : '—'} | ${c.note.replace(/\|/g, '/')} |`,
    );
  }
  return lines.join('\n');
}

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The code under test as one short string: the commit, plus a digest of uncommitted changes under libs/
 * when there are any. Others may commit while a run goes on; a change between cases is reported.
 */
function codeState(): string {
  const commit = git('rev-parse', '--short', 'HEAD') ?? 'unknown';
  const status = git('status', '--porcelain', '--', 'libs', 'package-lock.json') ?? '';
  if (status === '') return commit;
  const diff = git('diff', 'HEAD', '--', 'libs', 'package-lock.json') ?? '';
  const digest = createHash('sha1').update(status).update(diff).digest('hex').slice(0, 8);
  return `${commit}+dirty:${digest}`;
}

function machineInfo() {
  const cpus = os.cpus();
  const commit = git('rev-parse', '--short', 'HEAD');
  // Uncommitted changes in the code under test make the numbers those of the working tree, not the commit.
  const dirty = (git('status', '--porcelain', '--', 'libs', 'package-lock.json') ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    /** 1-, 5- and 15-minute load averages when the run started: other work on the machine skews timings. */
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    ...(commit ? { commit } : {}),
    uncommittedLibFiles: dirty.map((line) => line.slice(3)),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = machineInfo();
  log(
    `bench: cases ${options.cases.join(', ')}; seeds ${options.seeds.join(', ')}; ${options.passes} pass(es); naive limit ${options.naiveLimit} s`,
  );
  const outcomes: JobOutcome[] = [];
  const [firstSeed] = options.seeds;
  for (let pass = 1; pass <= options.passes; pass++) {
    for (const seed of options.seeds) {
      for (const caseName of options.cases) {
        // A naive comparison can take eleven minutes: it runs once, on the first seed.
        if (isComparison(caseName) && (pass > 1 || seed !== firstSeed)) continue;
        for (const job of CASES[caseName])
          outcomes.push(await runJob(job, seed, pass, options.naiveLimit, options.oursKill));
      }
    }
  }
  const comparisons = options.cases.filter(isComparison).map((c) =>
    compare(
      c,
      outcomes.find((o) => o.caseName === c && o.role === 'ours'),
      outcomes.find((o) => o.caseName === c && o.role === 'naive'),
    ),
  );

  const out: string[] = [
    `## Benchmark ${machine.date}`,
    '',
    `${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemGiB} GiB, Node ${machine.node}, ${machine.platform}${machine.commit ? `, commit ${machine.commit}` : ''}${
      machine.uncommittedLibFiles.length > 0
        ? ` + uncommitted changes in ${machine.uncommittedLibFiles.length} file(s) under libs/`
        : ''
    }; seeds ${options.seeds.join(', ')}${options.passes > 1 ? ` × ${options.passes} passes` : ''}; load average at start ${machine.loadAverageAtStart.join(' / ')}`,
    '',
  ];
  const states = [...new Set(outcomes.map((o) => o.code))];
  if (states.length > 1) {
    out.push(
      `**Warning: the code under test changed during the run** (${outcomes.map((o) => `${o.caseName}/${o.role}: ${o.code}`).join('; ')}); numbers of different states are not comparable.`,
      '',
    );
  }
  if (outcomes.some((o) => o.role === 'ours')) {
    out.push('### Our optimizer (HiGHS, default options)', '', oursTable(outcomes), '');
    const spread = spreadTable(outcomes);
    if (spread) out.push('### Spread over seeds and passes', '', spread, '');
  }
  if (comparisons.length > 0) {
    out.push(
      `### Naive per-teacher binary model in javascript-lp-solver (limit ${options.naiveLimit} s, hard kill at +${NAIVE_KILL_MARGIN_SECONDS} s) vs ours on the same county`,
      '',
      naiveTable(outcomes, comparisons),
      '',
      '"≥" marks a lower bound: the naive run hit its time limit or was killed, so the true ratio is at least that.',
      '',
    );
  }
  process.stdout.write(out.join('\n'));

  const resultsDir = path.join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'latest.json');
  const loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  writeFileSync(
    file,
    `${JSON.stringify({ machine: { ...machine, loadAverageAtEnd }, options, outcomes, comparisons }, null, 2)}\n`,
  );
  log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
