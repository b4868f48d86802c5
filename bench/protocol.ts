/**
 * What a case runner prints on stdout: one JSON object per line. `phase` lines tell the orchestrator how
 * far the child got (so a killed child can still be described); the last line is the `result`.
 */
export interface PhaseEvent {
  event: 'phase';
  phase: string;
  /** Seconds since the child's process started. */
  at: number;
  /** Seconds the phase that just ended took, when it is a timed one. */
  seconds?: number;
  detail?: Record<string, number | string | boolean>;
}

export interface CountySize {
  schools: number;
  teachers: number;
  eligible: number;
}

export interface OursResult {
  event: 'result';
  kind: 'ours';
  county: string;
  seed: number;
  size: CountySize;
  generateSeconds: number;
  /** Wall seconds of `optimizePlan` alone. */
  optimizeSeconds: number;
  buildSeconds: number;
  lpSeconds: number;
  mipSeconds: number;
  validateSeconds: number;
  /** Peak resident set of the child up to the end of `optimizePlan`, MiB (validation excluded). */
  peakRssMiB: number;
  /** Peak resident set right after generating the snapshot, MiB. */
  rssAfterGenerateMiB: number;
  objective: number;
  lpBound: number;
  gapPercent: number;
  status: string;
  movers: number;
  regions: number;
  columns: number;
  rows: number;
  keptColumns: number;
  flags: string[];
  shortageBefore: number;
  shortageAfter: number;
  valid: boolean;
  violations: Record<string, number>;
}

export interface NaiveResult {
  event: 'result';
  kind: 'naive';
  county: string;
  seed: number;
  size: CountySize;
  limitSeconds: number;
  generateSeconds: number;
  buildSeconds: number;
  /** Wall seconds of `JlpSolver.solve` (model translation + jlp). */
  solveSeconds: number;
  /** buildSeconds + solveSeconds: the naive counterpart of `optimizePlan`. */
  wallSeconds: number;
  peakRssMiB: number;
  columns: number;
  rows: number;
  nonzeros: number;
  /** JlpSolver status: 'optimal', 'time_limit' (integral point at the limit), 'error' (fractional), 'infeasible'. */
  status: string;
  objective: number | null;
  movers: number | null;
  shortageBefore: number;
  shortageAfter: number | null;
  valid: boolean | null;
  violations: Record<string, number> | null;
}

export interface ErrorResult {
  event: 'result';
  kind: 'error';
  message: string;
  peakRssMiB: number;
}

export type ChildResult = OursResult | NaiveResult | ErrorResult;
export type ChildEvent = PhaseEvent | ChildResult;

export function peakRssMiB(): number {
  // maxRSS is in kibibytes.
  return process.resourceUsage().maxRSS / 1024;
}

export function emit(event: ChildEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

export function sinceStart(): number {
  return performance.now() / 1000;
}

/** `--name value` pairs of a child's command line. */
export function childArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name?.startsWith('--') || value === undefined)
      throw new Error(`bad argument list: ${argv.join(' ')}`);
    args.set(name.slice(2), value);
  }
  return args;
}

/** Counts of violations by rule. */
export function countByRule(violations: readonly { rule: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of violations) counts[v.rule] = (counts[v.rule] ?? 0) + 1;
  return counts;
}

/** Runs a child's main and reports any failure as its result line, so the parent always gets one. */
export function runChild(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    emit({
      event: 'result',
      kind: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      peakRssMiB: peakRssMiB(),
    });
    process.exitCode = 1;
  });
}
