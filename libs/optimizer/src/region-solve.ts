import type { CountyContext, Subject } from '@tr/domain';
import type { BalanceTargets } from './balance-targets';
import { HighsSolver, warmUpHighs } from './highs-solver';
import { JlpSolver } from './jlp-solver';
import { buildRotationModel } from './rotation-model';
import type { MipSolver } from './solver';
import { solveHardRulesFirst } from './hard-rules-first';
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
): Promise<RegionOutcome> {
  if (options.solver === 'highs') warmUpHighs();
  const buildStarted = performance.now();
  const rotation = buildRotationModel(context, region, balance);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const result = await solveHardRulesFirst(
    rotation.model,
    createSolver(options.solver),
    { ...options, pricing: rotation.pricing, onRound },
    rotation.hardSlacks,
  );
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
