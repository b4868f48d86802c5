import { solveLpByPricing, type PricingPlan } from './column-generation';
import { restrictColumns, type LinearModel } from './linear-model';
import type { MipSolver, SolveResult, SolveStatus } from './solver';

export interface StrategyOptions {
  timeLimitSeconds: number;
  /** Move columns whose LP reduced cost is above this are left out of the MIP. */
  reducedCostThreshold: number;
  mipRelGap: number;
  /** With a backend that offers LP sessions, the LP relaxation is solved by pricing columns in. */
  pricing?: PricingPlan;
}

export interface StrategyResult {
  values: Float64Array;
  objective: number;
  /** LP relaxation of the whole model: no plan can do better. */
  lpBound: number;
  status: SolveResult['status'];
  lpSeconds: number;
  mipSeconds: number;
  keptColumns: number;
  /** Columns the LP relaxation was solved over (all of them without pricing). */
  lpColumns: number;
}

/**
 * Stop pricing once the restricted LP is proven within 0.2% of the full LP. The last rounds only move the
 * LP by hundredths of a percent but cost a second on a large county; the gap reported for the plan is
 * measured against the proven bound, so stopping early never overstates the plan's quality.
 */
const PRICING_BOUND_GAP = 2e-3;
/** Destinations priced in per teacher group and round. */
const PRICED_PER_GROUP = 2;

interface Relaxation {
  status: SolveStatus;
  values: Float64Array;
  objective: number;
  bound: number;
  reducedCosts?: Float64Array;
  seconds: number;
  columns: number;
}

const INTEGRALITY_TOLERANCE = 1e-6;

/**
 * LP-guided restricted MIP (SOLVERS.md): solve the LP relaxation, keep only the move columns the LP finds
 * attractive (positive value or reduced cost under a threshold), and solve the MIP on those. The LP of the
 * grouped model is nearly integral, so the restricted MIP is small and lands within a fraction of a
 * percent of the LP bound, which is reported as the plan's gap. A backend without reduced costs solves
 * the whole MIP.
 */
export async function solveLpGuided(model: LinearModel, solver: MipSolver, options: StrategyOptions): Promise<StrategyResult> {
  const started = performance.now();
  const lp = await solveRelaxation(model, solver, options);
  if (lp.status !== 'optimal') throw new Error(`LP relaxation failed: ${lp.status}`);
  const lpSeconds = lp.seconds;
  if (isIntegral(model, lp.values)) {
    return { values: lp.values, objective: lp.objective, lpBound: lp.bound, status: 'optimal', lpSeconds, mipSeconds: 0, keptColumns: lp.columns, lpColumns: lp.columns };
  }
  const keep: number[] = [];
  for (let c = 0; c < model.numCols; c++) {
    const attractive = lp.reducedCosts === undefined || lp.reducedCosts[c] <= options.reducedCostThreshold;
    if (!model.integer[c] || lp.values[c] > INTEGRALITY_TOLERANCE || attractive) keep.push(c);
  }
  const restricted = restrictColumns(model, keep);
  // Columns the LP already set to a positive whole number keep at least that value: the MIP then only
  // settles the few fractional flows, which takes a second instead of re-deciding everything. Should
  // that be infeasible, the plain restricted MIP decides.
  const anchored = anchorIntegralColumns(model, restricted, keep, lp.values);
  const budget = () => Math.max(1, options.timeLimitSeconds - (performance.now() - started) / 1000);
  let mip = await solver.solve(anchored, { relaxation: false, timeLimitSeconds: budget(), mipRelGap: options.mipRelGap });
  let mipSeconds = mip.seconds;
  if (mip.status !== 'optimal' && mip.status !== 'time_limit') {
    mip = await solver.solve(restricted, { relaxation: false, timeLimitSeconds: budget(), mipRelGap: options.mipRelGap });
    mipSeconds += mip.seconds;
  }
  if (mip.status !== 'optimal' && mip.status !== 'time_limit') throw new Error(`MIP failed: ${mip.status}`);
  const values = new Float64Array(model.numCols);
  keep.forEach((c, i) => (values[c] = mip.values[i]));
  return {
    values,
    objective: mip.objective,
    lpBound: lp.bound,
    status: mip.status,
    lpSeconds,
    mipSeconds,
    keptColumns: keep.length,
    lpColumns: lp.columns,
  };
}

async function solveRelaxation(model: LinearModel, solver: MipSolver, options: StrategyOptions): Promise<Relaxation> {
  const started = performance.now();
  if (options.pricing && solver.openLp) {
    const session = await solver.openLp(model, options.pricing.seed);
    try {
      const lp = solveLpByPricing(model, session, options.pricing, {
        timeLimitSeconds: options.timeLimitSeconds,
        boundGap: PRICING_BOUND_GAP,
        perFamily: PRICED_PER_GROUP,
      });
      return { ...lp, seconds: (performance.now() - started) / 1000 };
    } finally {
      session.close();
    }
  }
  const lp = await solver.solve(model, { relaxation: true, timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap });
  return { ...lp, bound: lp.objective, columns: model.numCols };
}

function anchorIntegralColumns(model: LinearModel, restricted: LinearModel, keep: readonly number[], lpValues: Float64Array): LinearModel {
  const colLower = Float64Array.from(restricted.colLower);
  keep.forEach((c, i) => {
    const value = lpValues[c];
    if (model.integer[c] && value > 0.5 && Math.abs(value - Math.round(value)) <= INTEGRALITY_TOLERANCE) colLower[i] = Math.round(value);
  });
  return { ...restricted, colLower };
}

export function isIntegral(model: LinearModel, values: Float64Array): boolean {
  for (let c = 0; c < model.numCols; c++) {
    if (model.integer[c] && Math.abs(values[c] - Math.round(values[c])) > INTEGRALITY_TOLERANCE) return false;
  }
  return true;
}
