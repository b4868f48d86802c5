import type { CountyContext, Subject } from '@tr/domain';
import type { BalanceTargets } from './balance-targets';
import { HighsSolver, warmUpHighs } from './highs-solver';
import { JlpSolver } from './jlp-solver';
import { buildRotationModel, type RotationModel } from './rotation-model';
import type { MipSolver } from './solver';
import { solveHardRulesFirst, withTimesOf } from './hard-rules-first';
import { nameTeachers } from './teacher-naming';

export type SolverName = 'highs' | 'jlp';

export interface RegionSolveOptions {
  solver: SolverName;
  timeLimitSeconds: number;
  reducedCostThreshold: number;
  mipRelGap: number;
}

/** A move as a region's solve reports it: plain data, so it can cross a worker thread. */
export interface RegionMove {
  teacherId: string;
  to: string;
  subject: Subject;
  km?: number;
  asHead: boolean;
}

export interface RegionOutcome {
  moves: RegionMove[];
  dueHeadIds: string[];
  columns: number;
  rows: number;
  keptColumns: number;
  objective: number;
  lpBound: number;
  /** What the region's plan pays for relaxed rules that its LP relaxation pays too (part of `objective`). */
  penalty: number;
  /** Where a MIP over the region's whole model ran: the bound it proved on every whole-teacher plan. */
  integerBound?: number;
  lpSeconds: number;
  mipSeconds: number;
  buildSeconds: number;
  status: string;
}

export function createSolver(name: SolverName): MipSolver {
  return name === 'jlp' ? new JlpSolver() : new HighsSolver();
}

/** Builds, solves and names one region: data in, moves out, the same wherever it runs. */
export async function solveRegion(
  context: CountyContext,
  balance: BalanceTargets,
  region: readonly string[],
  options: RegionSolveOptions,
  /** Told of each LP round (solve-strategy.ts); not part of the options, which cross worker threads. */
  onRound?: (round: number, gap: number) => void,
  /** The backend for each solve; tests pass their own, as a function cannot cross a worker thread. */
  solverFor: () => MipSolver = () => createSolver(options.solver),
): Promise<RegionOutcome> {
  if (options.solver === 'highs') warmUpHighs();
  let buildSeconds = 0;
  const solve = async (shared?: ReadonlySet<string>) => {
    const buildStarted = performance.now();
    const built = buildRotationModel(context, region, balance, shared);
    buildSeconds += (performance.now() - buildStarted) / 1000;
    const solved = await solveHardRulesFirst(
      built.model,
      solverFor(),
      { ...options, pricing: built.pricing, onRound },
      built.hardSlacks,
    );
    return { rotation: built, result: solved };
  };
  let { rotation, result } = await solve();
  // A teacher held back beside heads, one of whom stayed anyway, was kept for nothing: solve again with
  // one row for them together, and keep the better plan (the model is the same but for that row). Not
  // where the MIP stopped at its work limit: the second MIP stalls the same way, for as long, over
  // differences well inside the gap the first left open (Dengfeng with every teacher eligible: 43 s
  // more for a plan 0.0008% cheaper, 0.61% above the bound).
  const freed = heldForNothing(rotation, result.values);
  if (freed.size > 0 && result.status !== 'iteration_limit') {
    const again = await solve(freed);
    if (again.result.objective < result.objective)
      ({ rotation, result } = {
        rotation: again.rotation,
        result: withTimesOf(again.result, [result]),
      });
    else result = withTimesOf(result, [again.result]);
  }
  return {
    moves: nameTeachers(rotation, result.values).map((m) => ({
      teacherId: m.teacher.id,
      to: m.to,
      subject: m.subject,
      km: m.km,
      asHead: m.asHead,
    })),
    dueHeadIds: rotation.dueHeads.map((h) => h.id),
    columns: rotation.model.numCols,
    rows: rotation.model.numRows,
    keptColumns: result.keptColumns,
    objective: result.objective,
    lpBound: result.lpBound,
    penalty: result.penalty,
    ...(result.integerBound === undefined ? {} : { integerBound: result.integerBound }),
    lpSeconds: result.lpSeconds,
    mipSeconds: result.mipSeconds,
    buildSeconds,
    status: result.status,
  };
}

/** Places where the held-back member was the only one of its group kept and a head there stayed. */
function heldForNothing(rotation: RotationModel, values: Float64Array): Set<string> {
  const sent = new Map<number, number>();
  const movedHeads = new Set<string>();
  rotation.columns.forEach((meta, c) => {
    if (values[c] <= 0.5) return;
    if (meta.type === 'flow') sent.set(meta.group.index, (sent.get(meta.group.index) ?? 0) + values[c]);
    if (meta.type === 'head') movedHeads.add(meta.teacher.id);
  });
  return new Set(
    rotation.keptBesideHeads
      .filter((p) => (sent.get(p.group) ?? 0) >= p.limit - 0.5 && p.heads.some((id) => !movedHeads.has(id)))
      .map((p) => p.key),
  );
}
