import type { LinearModel } from './linear-model';
import { packageVersion } from './package-version';
import type { MipSolver, SolveOptions, SolveResult } from './solver';

// javascript-lp-solver ships no types; this is the part of its API we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const solver: { Solve(model: JlpModel): JlpResult } = require('javascript-lp-solver');
const JLP_VERSION = packageVersion('javascript-lp-solver');

interface JlpModel {
  optimize: string;
  opType: 'min' | 'max';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  ints?: Record<string, 1>;
  options?: { timeout?: number; tolerance?: number };
}

type JlpResult = { feasible: boolean; result: number; bounded: boolean; isIntegral?: boolean } & Record<
  string,
  number | boolean
>;

const OBJECTIVE = '__objective';

/**
 * javascript-lp-solver, kept as a second backend behind the same interface. It stores the matrix densely
 * and cannot prove MIP optima beyond small models (SOLVERS.md), so it is for small counties and for
 * cross-checking HiGHS. On a timeout it returns its current point, which may be fractional: that is
 * reported as 'error' unless it is integral.
 */
export class JlpSolver implements MipSolver {
  readonly name = 'javascript-lp-solver';
  readonly version = JLP_VERSION;

  async solve(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    const started = performance.now();
    const jlpModel = toJlpModel(model, options);
    const result = solver.Solve(jlpModel);
    const values = new Float64Array(model.numCols);
    model.colNames.forEach((name, c) => {
      const v = result[name];
      values[c] = model.colLower[c] + (typeof v === 'number' ? v : 0);
    });
    const objective = model.colCost.reduce((sum, cost, c) => sum + cost * values[c], 0);
    const seconds = (performance.now() - started) / 1000;
    const timedOut = seconds >= options.timeLimitSeconds * 0.98;
    const integral = options.relaxation || result.isIntegral === true;
    const status = !result.feasible
      ? 'infeasible'
      : !integral
        ? 'error'
        : timedOut
          ? 'time_limit'
          : 'optimal';
    // A MIP stops within its relative tolerance of the optimum, so only that much below is proven.
    const proven = options.relaxation ? objective : objective - options.mipRelGap * Math.abs(objective);
    return { status, objective, bound: status === 'optimal' ? proven : -Infinity, values, seconds };
  }
}

/**
 * jlp knows only non-negative variables without bounds, so a column with lower bound L is shifted
 * (x = L + x′, rows adjusted by −a·L) and a finite upper bound becomes a one-entry row.
 */
function toJlpModel(model: LinearModel, options: SolveOptions): JlpModel {
  const rowLower = Float64Array.from(model.rowLower);
  const rowUpper = Float64Array.from(model.rowUpper);
  for (let c = 0; c < model.numCols; c++) {
    const lower = model.colLower[c];
    if (!Number.isFinite(lower))
      throw new Error(`javascript-lp-solver backend needs finite lower bounds (${model.colNames[c]})`);
    if (lower === 0) continue;
    for (let k = model.colStart[c]; k < model.colStart[c + 1]; k++) {
      rowLower[model.rowIndex[k]] -= model.value[k] * lower;
      rowUpper[model.rowIndex[k]] -= model.value[k] * lower;
    }
  }
  const constraints: JlpModel['constraints'] = {};
  model.rowNames.forEach((name, r) => {
    const bounds: { min?: number; max?: number } = {};
    if (rowLower[r] > -Infinity) bounds.min = rowLower[r];
    if (rowUpper[r] < Infinity) bounds.max = rowUpper[r];
    constraints[name] = bounds;
  });
  const variables: JlpModel['variables'] = {};
  const ints: Record<string, 1> = {};
  for (let c = 0; c < model.numCols; c++) {
    const name = model.colNames[c];
    const coefficients: Record<string, number> = { [OBJECTIVE]: model.colCost[c] };
    for (let k = model.colStart[c]; k < model.colStart[c + 1]; k++)
      coefficients[model.rowNames[model.rowIndex[k]]] = model.value[k];
    if (model.colUpper[c] < Infinity) {
      const boundRow = `${name}__ub`;
      constraints[boundRow] = { max: model.colUpper[c] - model.colLower[c] };
      coefficients[boundRow] = 1;
    }
    variables[name] = coefficients;
    if (!options.relaxation && model.integer[c]) ints[name] = 1;
  }
  return {
    optimize: OBJECTIVE,
    opType: 'min',
    constraints,
    variables,
    ints,
    options: {
      timeout: options.timeLimitSeconds * 1000,
      tolerance: options.relaxation ? 0 : options.mipRelGap,
    },
  };
}
