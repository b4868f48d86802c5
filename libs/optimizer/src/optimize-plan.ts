import {
  buildCountyContext,
  planMetrics,
  round,
  snapshotHash,
  type Plan,
  type PlanMove,
  type Snapshot,
} from '@tr/domain';
import { balanceTargets } from './balance-targets';
import { relativeGap } from './gaps';
import { createSolver } from './region-solve';
import { moveReasons } from './move-reasons';
import { planFlags } from './plan-flags';
import { solveRegions } from './region-pool';
import type { SolverName } from './region-solve';
import { warmUpHighs } from './highs-solver';
import { planningRegions } from './regions';
import { roundDetail, SolvingProgress } from './solving-progress';
import type { NamedMove } from './teacher-naming';

/**
 * Regions above this many staff are split by district. About a county: each solves in a few seconds
 * and stays far below the wasm heap ceiling.
 */
const DEFAULT_REGION_TEACHERS = 25_000;

/**
 * HiGHS stops once its incumbent is this close to its own bound. Plans are measured against the LP bound
 * (goal: within 0.5%); proving 0.1% instead costs Dengfeng's MIP about a second more.
 */
const DEFAULT_MIP_REL_GAP = 3e-3;
/**
 * The MIP gets the columns the LP used or found strictly attractive. Columns at a reduced cost of zero are
 * the LP's ties: leaving them out cut Hohhot's MIP from about 1 s to 0.3–0.7 s at the same plan.
 */
const DEFAULT_REDUCED_COST_THRESHOLD = -1e-7;

export type OptimizeStage = 'building' | 'solving' | 'naming' | 'done';

export interface OptimizeOptions {
  solver?: SolverName;
  /** Wall-clock budget for each region's solve. */
  timeLimitSeconds?: number;
  /** A region larger than this is split by district (the wasm heap caps model size). */
  maxTeachersPerRegion?: number;
  reducedCostThreshold?: number;
  mipRelGap?: number;
  /** Worker threads to solve regions on; 1 solves them on this thread (the default). */
  threads?: number;
  onProgress?: (stage: OptimizeStage, percent: number, detail?: string) => void;
}

export interface OptimizeStats {
  regions: number;
  columns: number;
  rows: number;
  keptColumns: number;
  objective: number;
  lpBound: number;
  /**
   * (objective − LP bound) ÷ |objective − penalties|: how far the plan can be from the best possible,
   * measured on what it costs beyond the rules it had to relax (relativeGap).
   */
  gap: number;
  lpSeconds: number;
  mipSeconds: number;
  buildSeconds: number;
  status: string;
  /** Where every region's whole model went through a MIP: the lower bound those proved, and the gap to it. */
  integerBound?: number;
  integerGap?: number;
}

export interface OptimizeResult {
  plan: Plan;
  stats: OptimizeStats;
}

/** Snapshot and policy in, explained plan out. Pure: no I/O, and the same input gives the same plan. */
export async function optimizePlan(
  snapshot: Snapshot,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const progress = options.onProgress ?? (() => undefined);
  const solverName = options.solver ?? 'highs';
  if (solverName === 'highs') warmUpHighs();
  const context = buildCountyContext(snapshot);
  const balance = balanceTargets(context);
  const regions = planningRegions(context, options.maxTeachersPerRegion ?? DEFAULT_REGION_TEACHERS);
  progress('solving', 5, `${regions.length} region(s)`);
  const solving = new SolvingProgress(regions.length);
  const outcomes = await solveRegions(
    context,
    balance,
    regions,
    {
      solver: solverName,
      timeLimitSeconds: options.timeLimitSeconds ?? 120,
      reducedCostThreshold: options.reducedCostThreshold ?? DEFAULT_REDUCED_COST_THRESHOLD,
      mipRelGap: options.mipRelGap ?? DEFAULT_MIP_REL_GAP,
    },
    options.threads ?? 1,
    (finished, index) =>
      progress('solving', solving.finished(index), `${finished}/${regions.length} region(s)`),
    (index, round, gap) =>
      progress('solving', solving.round(index, round), roundDetail(index, regions.length, round, gap)),
  );
  const stats: OptimizeStats = {
    regions: regions.length,
    columns: sum(outcomes, (o) => o.columns),
    rows: sum(outcomes, (o) => o.rows),
    keptColumns: sum(outcomes, (o) => o.keptColumns),
    objective: sum(outcomes, (o) => o.objective),
    lpBound: sum(outcomes, (o) => o.lpBound),
    gap: 0,
    lpSeconds: sum(outcomes, (o) => o.lpSeconds),
    mipSeconds: sum(outcomes, (o) => o.mipSeconds),
    buildSeconds: sum(outcomes, (o) => o.buildSeconds),
    status: outcomes.find((o) => o.status !== 'optimal')?.status ?? 'optimal',
  };
  const named: NamedMove[] = outcomes.flatMap((o) =>
    o.moves.map((m) => ({
      teacher: context.teachersById.get(m.teacherId)!,
      to: m.to,
      subject: m.subject,
      km: m.km,
      asHead: m.asHead,
    })),
  );
  const dueHeads = outcomes.flatMap((o) => o.dueHeadIds.map((id) => context.teachersById.get(id)!));
  const penalty = sum(outcomes, (o) => o.penalty);
  stats.gap = Math.max(0, relativeGap(stats.objective, stats.lpBound, penalty));
  if (outcomes.every((o) => o.integerBound !== undefined)) {
    stats.integerBound = sum(outcomes, (o) => o.integerBound!);
    stats.integerGap = Math.max(0, relativeGap(stats.objective, stats.integerBound, penalty));
  }

  progress('naming', 92);
  const solverDescription = createSolver(solverName);
  named.sort((a, b) => (a.teacher.id < b.teacher.id ? -1 : 1));
  const { policy } = snapshot;
  const moves: PlanMove[] = named.map((move) => {
    const reasons = moveReasons(context, balance, move, named);
    return {
      teacher_id: move.teacher.id,
      from_school: move.teacher.schoolCode,
      to_school: move.to,
      subject: move.subject,
      kind: 'rotation',
      term_years: policy.rotation_term_years,
      reasons: reasons.map((r) => r.en),
      reasons_zh: reasons.map((r) => r.zh),
      ...(move.asHead && move.teacher.role !== 'teacher' ? { role: move.teacher.role } : {}),
    };
  });
  const hash = snapshotHash(snapshot);
  const plan: Plan = {
    plan: {
      id: `plan-${snapshot.policy.year}-${hash.slice(0, 12)}`,
      county: snapshot.county,
      year: policy.year,
      status: 'draft',
      policy,
      snapshot_hash: hash,
      solver: {
        name: solverDescription.name,
        version: solverDescription.version,
        objective: round(stats.objective, 6),
        lp_bound: round(stats.lpBound, 6),
        gap: round(stats.gap, 6),
        status: stats.status,
        ...(stats.integerBound === undefined
          ? {}
          : { integer_bound: round(stats.integerBound, 6), integer_gap: round(stats.integerGap!, 6) }),
      },
      flags: planFlags(context, named, dueHeads),
    },
    moves,
    metrics: { before: planMetrics(context, []), after: planMetrics(context, moves) },
  };
  progress('done', 100);
  return { plan, stats };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
