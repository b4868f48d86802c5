import type { LinearModel } from './linear-model';

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'error';

export interface SolveOptions {
  /** Solve the LP relaxation only (integrality ignored). */
  relaxation: boolean;
  timeLimitSeconds: number;
  /** Relative MIP gap at which the solver may stop. */
  mipRelGap: number;
}

export interface SolveResult {
  status: SolveStatus;
  objective: number;
  /** Best proven lower bound on the objective (minimisation); the objective itself for an LP. */
  bound: number;
  values: Float64Array;
  /** Reduced costs of an LP solve, when the backend gives them. */
  reducedCosts?: Float64Array;
  seconds: number;
}

/** A MIP backend. Each is deterministic: the same model and options give the same answer. */
export interface MipSolver {
  readonly name: string;
  readonly version: string;
  solve(model: LinearModel, options: SolveOptions): Promise<SolveResult>;
}
