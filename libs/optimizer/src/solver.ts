import type { LinearModel } from './linear-model';

export type SolveStatus = 'optimal' | 'time_limit' | 'iteration_limit' | 'infeasible' | 'error';

export interface SolveOptions {
  /** Solve the LP relaxation only (integrality ignored). */
  relaxation: boolean;
  timeLimitSeconds: number;
  /** Relative MIP gap at which the solver may stop. */
  mipRelGap: number;
  /**
   * Where given, the solver stops on this absolute gap instead of `mipRelGap` (backends without an
   * absolute gap keep to `mipRelGap`).
   */
  mipAbsGap?: number;
  /**
   * A MIP may also stop, with status 'iteration_limit', once it has spent `lpIterations` LP iterations
   * and its plan costs at most `acceptAt` or is proven within `ownGap` of its own bound, or once it has
   * spent `anyPlanAfter` with any plan. Counts,
   * unlike a clock, are the same on every run, so the plan is too. Backends that cannot interrupt a MIP
   * ignore it.
   */
  workLimit?: WorkLimit;
  /** A plan of the model for the MIP to start from (backends that take none ignore it). */
  start?: Float64Array;
}

export interface WorkLimit {
  lpIterations: number;
  acceptAt: number;
  /**
   * A plan this close to the MIP's own bound (which, over every column, can be far above the LP's)
   * is accepted too, measured as relativeGap does on the objective less `penalty`.
   */
  ownGap: number;
  penalty: number;
  anyPlanAfter: number;
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

/** One solve of an {@link LpSession}: values of the session's columns, in the order they were added. */
export interface LpSessionResult {
  status: SolveStatus;
  objective: number;
  values: Float64Array;
  /** One dual per row of the model: a column's reduced cost is its cost minus Σ duals × coefficients. */
  rowDuals: Float64Array;
  seconds: number;
}

/**
 * The LP relaxation of a model restricted to some of its columns, kept open so that columns can be
 * added and the LP re-solved from the last optimal basis rather than from scratch.
 */
export interface LpSession {
  addColumns(columns: readonly number[]): void;
  /** Solves from the last basis; gives up with 'iteration_limit' after that many simplex iterations. */
  solve(timeLimitSeconds: number, iterationLimit?: number): LpSessionResult;
  /** Forgets the basis, so that the next solve starts afresh. */
  restart(): void;
  /** Changes the bounds of some of the session's columns, given by position (strictly increasing). */
  setColumnBounds(positions: Int32Array, lower: Float64Array, upper: Float64Array): void;
  close(): void;
}

/** A MIP backend. Each is deterministic: the same model and options give the same answer. */
export interface MipSolver {
  readonly name: string;
  readonly version: string;
  solve(model: LinearModel, options: SolveOptions): Promise<SolveResult>;
  /** Backends that can warm-start an LP after adding columns offer sessions; the others solve whole. */
  openLp?(model: LinearModel, columns: readonly number[]): Promise<LpSession>;
}
