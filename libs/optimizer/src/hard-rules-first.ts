import { withRow, type LinearModel } from './linear-model';
import type { MipSolver } from './solver';
import { solveLpGuided, type StrategyOptions, type StrategyResult } from './solve-strategy';

/**
 * A relaxation this much cheaper (in the model's cost units, where one unit of a hard rule's slack costs
 * a million or more) is a real one, not solver noise.
 */
const LESS_RELAXED = 1;

/**
 * Hard rules come before every objective. Their slacks are priced far above any objective term, but no
 * price is far enough above all of them everywhere: in a two-school county one backbone teacher who moves
 * changes a stage's CV² by 4.8, and the model priced that growth above relaxing the backbone share, so
 * it moved a teacher who is not backbone where a plan keeping the rule existed. So whenever a plan
 * relaxes a hard rule, a second solve whose only costs are the hard rules' slacks finds the least
 * relaxation any plan needs; if that is less than the plan's, the model is solved again with the slacks
 * held to it. A plan that relaxes nothing, or no more than it must (most counties, and a county whose due
 * head has nobody to exchange with), is the first solve's, unchanged.
 */
export async function solveHardRulesFirst(
  model: LinearModel,
  solver: MipSolver,
  options: StrategyOptions,
  hardSlacks: readonly number[],
): Promise<StrategyResult> {
  let rounds = 0;
  const counted = (round: number, gap: number) => options.onRound?.((rounds = round), gap);
  const first = await solveLpGuided(model, solver, { ...options, onRound: counted });
  const paid = slackCost(model, hardSlacks, first.values);
  // Most plans relax nothing: the pass over the model for slacks that are forced is for the others.
  if (paid <= LESS_RELAXED || paid <= forcedSlackCost(model, hardSlacks) + LESS_RELAXED) return first;

  const rulesOnly = { ...model, colCost: costsOf(model, hardSlacks) };
  // Every cost is a penalty here, so gaps are measured on the whole objective. Its rounds are not the
  // plan's: the progress display waits for those of the solve held to the least relaxation, which go on
  // counting from the first solve's.
  const least = await solveLpGuided(rulesOnly, solver, {
    ...options,
    onRound: undefined,
    pricing: options.pricing && { ...options.pricing, penalties: [] },
  });
  const leastPaid = slackCost(model, hardSlacks, least.values);
  if (leastPaid >= paid - LESS_RELAXED) return withTimesOf(first, [least]);

  const held = withRow(
    model,
    'hard_rules_first',
    hardSlacks.map((c) => [c, model.colCost[c]] as const),
    -Infinity,
    leastPaid + LESS_RELAXED,
  );
  const resumed = rounds;
  const second = await solveLpGuided(held, solver, {
    ...options,
    onRound: (round, gap) => options.onRound?.(resumed + round, gap),
  });
  return withTimesOf(second, [first, least]);
}

/**
 * What no plan can avoid paying on slacks that are alone on a row needing more than zero: a due head with
 * no school to exchange with (the prefecture sample has one). Such a relaxation needs no solve to prove.
 */
function forcedSlackCost(model: LinearModel, slacks: readonly number[]): number {
  const entries = new Int32Array(model.numRows);
  for (let k = 0; k < model.rowIndex.length; k++) entries[model.rowIndex[k]] += 1;
  let cost = 0;
  for (const c of slacks) {
    if (model.colStart[c + 1] - model.colStart[c] !== 1) continue;
    const row = model.rowIndex[model.colStart[c]];
    const coefficient = model.value[model.colStart[c]];
    if (entries[row] === 1 && coefficient > 0 && model.rowLower[row] > 0)
      cost += model.colCost[c] * (model.rowLower[row] / coefficient);
  }
  return cost;
}

/** What the hard rules' slacks cost at these values. */
function slackCost(model: LinearModel, slacks: readonly number[], values: Float64Array): number {
  return slacks.reduce((sum, c) => sum + model.colCost[c] * values[c], 0);
}

/** The model's costs on these columns, zero on every other. */
function costsOf(model: LinearModel, columns: readonly number[]): Float64Array {
  const cost = new Float64Array(model.numCols);
  for (const c of columns) cost[c] = model.colCost[c];
  return cost;
}

/** A result with the time of the other solves added to its own. */
export function withTimesOf(result: StrategyResult, others: readonly StrategyResult[]): StrategyResult {
  return {
    ...result,
    lpSeconds: others.reduce((sum, o) => sum + o.lpSeconds, result.lpSeconds),
    mipSeconds: others.reduce((sum, o) => sum + o.mipSeconds, result.mipSeconds),
  };
}
