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
import { HighsSolver } from './highs-solver';
import { JlpSolver } from './jlp-solver';
import { moveReasons } from './move-reasons';
import { planFlags } from './plan-flags';
import { planningRegions } from './regions';
import { buildRotationModel } from './rotation-model';
import type { MipSolver } from './solver';
import { solveLpGuided } from './solve-strategy';
import { nameTeachers, type NamedMove } from './teacher-naming';

export type SolverName = 'highs' | 'jlp';
export type OptimizeStage = 'building' | 'solving' | 'naming' | 'done';

export interface OptimizeOptions {
  solver?: SolverName;
  /** Wall-clock budget for each region's solve. */
  timeLimitSeconds?: number;
  /** A region larger than this is split by district (the wasm heap caps model size). */
  maxTeachersPerRegion?: number;
  reducedCostThreshold?: number;
  mipRelGap?: number;
  onProgress?: (stage: OptimizeStage, percent: number, detail?: string) => void;
}

export interface OptimizeStats {
  regions: number;
  columns: number;
  rows: number;
  keptColumns: number;
  objective: number;
  lpBound: number;
  /** (objective − LP bound) ÷ |objective|: how far the plan can be from the best possible. */
  gap: number;
  lpSeconds: number;
  mipSeconds: number;
  buildSeconds: number;
  status: string;
}

export interface OptimizeResult {
  plan: Plan;
  stats: OptimizeStats;
}

export function createSolver(name: SolverName): MipSolver {
  return name === 'jlp' ? new JlpSolver() : new HighsSolver();
}

/** Snapshot and policy in, explained plan out. Pure: no I/O, and the same input gives the same plan. */
export async function optimizePlan(snapshot: Snapshot, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const progress = options.onProgress ?? (() => undefined);
  const solver = createSolver(options.solver ?? 'highs');
  const context = buildCountyContext(snapshot);
  const balance = balanceTargets(context);
  const regions = planningRegions(context, options.maxTeachersPerRegion ?? 25_000);
  const stats: OptimizeStats = {
    regions: regions.length,
    columns: 0,
    rows: 0,
    keptColumns: 0,
    objective: 0,
    lpBound: 0,
    gap: 0,
    lpSeconds: 0,
    mipSeconds: 0,
    buildSeconds: 0,
    status: 'optimal',
  };
  const named: NamedMove[] = [];
  const dueHeads = [];
  for (const [index, region] of regions.entries()) {
    const share = (step: number) => Math.round(((index + step) / regions.length) * 90);
    progress('building', share(0), `region ${index + 1}/${regions.length}`);
    const buildStarted = performance.now();
    const rotation = buildRotationModel(context, region, balance);
    stats.buildSeconds += (performance.now() - buildStarted) / 1000;
    progress('solving', share(0.3), `region ${index + 1}/${regions.length}: ${rotation.model.numCols} columns`);
    const result = await solveLpGuided(rotation.model, solver, {
      timeLimitSeconds: options.timeLimitSeconds ?? 120,
      reducedCostThreshold: options.reducedCostThreshold ?? 0.5,
      mipRelGap: options.mipRelGap ?? 1e-3,
    });
    stats.columns += rotation.model.numCols;
    stats.rows += rotation.model.numRows;
    stats.keptColumns += result.keptColumns;
    stats.objective += result.objective;
    stats.lpBound += result.lpBound;
    stats.lpSeconds += result.lpSeconds;
    stats.mipSeconds += result.mipSeconds;
    if (result.status !== 'optimal') stats.status = result.status;
    named.push(...nameTeachers(rotation, result.values));
    dueHeads.push(...rotation.dueHeads);
  }
  stats.gap = stats.objective !== 0 ? Math.max(0, (stats.objective - stats.lpBound) / Math.abs(stats.objective)) : 0;

  progress('naming', 92);
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
        name: solver.name,
        version: solver.version,
        objective: round(stats.objective, 6),
        lp_bound: round(stats.lpBound, 6),
        gap: round(stats.gap, 6),
        status: stats.status,
      },
      flags: planFlags(context, named, dueHeads),
    },
    moves,
    metrics: { before: planMetrics(context, []), after: planMetrics(context, moves) },
  };
  progress('done', 100);
  return { plan, stats };
}
