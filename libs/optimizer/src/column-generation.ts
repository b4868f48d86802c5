import { penaltyCost, relativeGap } from './gaps';
import type { LinearModel } from './linear-model';
import type { LpSession, SolveStatus } from './solver';

/** Where the LP starts and how new columns are grouped when they are priced in. */
export interface PricingPlan {
  /** Columns of the first restricted LP; every column without a family must be among them. */
  seed: readonly number[];
  /** Columns that are alternatives for one another (a teacher group's destinations) share a family. */
  family: Int32Array;
  /**
   * Per family, the row Σ (its columns) ≤ capacity (a group's size), which no other column touches. The
   * bound keeps these rows as constraints instead of pricing them, which makes it much tighter early on.
   */
  capacityRow?: Int32Array;
  /** Convex piecewise costs whose later pieces enter the LP only when it needs them. */
  lazySteps?: readonly LazySteps[];
  /**
   * Slacks of rules that give way only when they must, priced far above everything else. Gaps are measured
   * against the objective without what a point pays for them (see {@link relativeGap}).
   */
  penalties?: readonly number[];
}

/**
 * One convex piecewise-linear cost, such as a school's CV² as its count of backbone teachers rises: its
 * steps k = 0, 1, … have rising slopes, each step but the last takes one unit. In the pricing LP the chain
 * is lazy: the steps after j are held at zero and step j's bound is widened to all their units, so step j
 * takes them at its own slope — the LP sees the cost as it is up to step j and a little cheaper beyond.
 * Whenever the LP puts more than one unit on step j, it gets its own bound back and step j + 1 takes over.
 * The LP thus stays a relaxation of the model — every bound it proves holds for the model — and where no
 * lazy step carries more than a unit, its optimum is the model's. Most schools' counts move by a unit or
 * none, so most steps never enter. Widening and narrowing a step itself, rather than swapping in a
 * stand-in column that the model fixes at zero, keeps the model smaller (Hohhot: 6,400 columns) and the
 * basis primal feasible wherever the LP used a unit or less when a chain goes exact.
 */
export interface LazySteps {
  steps: readonly number[];
}

export interface PricingOptions {
  timeLimitSeconds: number;
  /** Columns priced in per family and round: the most attractive first. */
  perFamily: number;
  /** Once the restricted LP is proven this close to its bound, every lazy step chain is made exact. */
  allStepsAtGap?: number;
}

/** What one round of pricing knows: the restricted LP's optimum and what its duals prove. */
export interface PricingRound {
  round: number;
  status: SolveStatus;
  /** Values for every column of the model; those not priced in yet are zero. */
  values: Float64Array;
  /** What `values` cost in the model: the restricted LP's optimum when `exact`. A value the full LP can reach. */
  objective: number;
  /** A lower bound on the full LP's optimum from this round's duals (its optimum once converged). */
  bound: number;
  reducedCosts: Float64Array;
  /** Nothing prices in and no lazy step is refined: the restricted LP's optimum is the full LP's. */
  converged: boolean;
  /**
   * No lazy step carries more than a unit: `values` (each widened step's units spread over its chain) are
   * then the restricted LP's optimum in the model's own terms. Otherwise they are a point of the model that
   * costs more than the restricted LP thought.
   */
  exact: boolean;
  columns: number;
  /** What `values` pay for relaxed rules. */
  penalty: number;
}

export interface PricedLp extends PricingRound {
  /** Best bound over the rounds: the Lagrangian bound is not monotone. */
  bound: number;
}

/** A widened step "carries more than a unit" above 1 + this. */
const STEP_TOLERANCE = 1e-7;
/** A column "prices in" when its reduced cost is below this; smaller values are solver noise. */
const PRICING_TOLERANCE = 1e-6;
/** Duals and reduced costs this small count as zero in the bound, where an infinite bound would meet them. */
const ZERO = 1e-9;

/**
 * Column generation on the LP relaxation: solve it over a few likely columns, price every other column
 * with the duals, add the ones that would lower the objective, and re-solve from the last basis. Most
 * destinations of a teacher group never matter, so the LPs stay a third of the full model's size. Each
 * round's duals also give a valid lower bound on the full LP (Lagrangian bound), so a caller can stop as
 * soon as what it has is proven good enough. The rounds end with the converged one, or a failed solve.
 */
export function* pricingRounds(
  model: LinearModel,
  session: LpSession,
  plan: PricingPlan,
  options: PricingOptions,
): Generator<PricingRound> {
  const started = performance.now();
  const inLp = new Uint8Array(model.numCols);
  const order: number[] = [...plan.seed];
  for (const c of order) inLp[c] = 1;
  for (let c = 0; c < model.numCols; c++) {
    if (!inLp[c] && plan.family[c] < 0)
      throw new Error(`column ${model.colNames[c]} has no family and is not in the seed`);
  }
  const lazy = new LazyStepState(model, session, order, plan.lazySteps ?? []);
  for (let round = 1; ; round++) {
    const remaining = () => Math.max(1, options.timeLimitSeconds - (performance.now() - started) / 1000);
    // A warm start can stall in HiGHS (seen once in a few hundred solves: a re-solve that never ended).
    // Past a generous iteration budget the basis is dropped and the round solved afresh.
    let lp = session.solve(remaining(), round === 1 ? undefined : roundIterationLimit(model));
    if (lp.status === 'iteration_limit') {
      session.restart();
      lp = session.solve(remaining());
    }
    const reducedCosts = reducedCostsOf(model, lp.rowDuals);
    const entering =
      lp.status === 'optimal'
        ? attractiveColumns(model, plan.family, inLp, reducedCosts, options.perFamily)
        : [];
    const values = new Float64Array(model.numCols);
    order.forEach((c, i) => (values[c] = lp.values[i]));
    const refining = lp.status === 'optimal' ? lazy.overfullSteps(values) : [];
    lazy.spreadOverSteps(values);
    const converged = lp.status === 'optimal' && entering.length === 0 && refining.length === 0;
    // With lazy steps the LP's optimum can be below the model's cost of its point; the latter is reached.
    const objective = refining.length === 0 ? lp.objective : costOf(model, values);
    const lagrangian = converged ? objective : lagrangianBound(model, lp.rowDuals, reducedCosts, plan);
    const penalty = penaltyCost(model, values, plan.penalties);
    yield {
      round,
      status: lp.status,
      values,
      objective,
      bound: Math.min(lagrangian, objective),
      reducedCosts,
      converged,
      exact: refining.length === 0,
      columns: order.length,
      penalty,
    };
    if (lp.status !== 'optimal' || converged) return;
    // Close to the optimum the lazy steps have done their work: every chain goes exact at once, so that the
    // last rounds, and the MIP that starts from them, see the model's own costs.
    if (
      relativeGap(lp.objective, Math.min(lagrangian, lp.objective), penalty) <= (options.allStepsAtGap ?? 0)
    )
      lazy.exactifyAll();
    else lazy.refine(refining);
    for (const c of entering) inLp[c] = 1;
    order.push(...entering);
    session.addColumns(entering);
  }
}

/** Which step of each lazy chain the pricing LP has reached, kept in the session's column bounds. */
class LazyStepState {
  /** Per chain, the index of its widened step; `steps.length − 1` once the chain is exact. */
  private readonly reached: number[];
  private readonly position = new Map<number, number>();

  constructor(
    private readonly model: LinearModel,
    private readonly session: LpSession,
    order: readonly number[],
    private readonly chains: readonly LazySteps[],
  ) {
    this.reached = chains.map(() => 0);
    order.forEach((c, p) => this.position.set(c, p));
    const bounds = new Map<number, number>();
    for (const chain of chains) {
      for (const c of chain.steps) {
        if (!this.position.has(c))
          throw new Error(`lazy step column ${model.colNames[c]} is not in the seed`);
        bounds.set(c, 0);
      }
      if (chain.steps.length > 0) bounds.set(chain.steps[0], this.room(chain, 0));
    }
    this.setUpper(bounds);
  }

  private lazy(i: number): boolean {
    return this.reached[i] < this.chains[i].steps.length - 1;
  }

  /** Chains whose widened step carries more than one unit. */
  overfullSteps(values: Float64Array): number[] {
    const chains: number[] = [];
    this.chains.forEach((chain, i) => {
      const c = chain.steps[this.reached[i]];
      if (this.lazy(i) && values[c] > this.model.colUpper[c] + STEP_TOLERANCE) chains.push(i);
    });
    return chains;
  }

  /** Every chain exact from now on: all steps at their own bounds. */
  exactifyAll(): void {
    const bounds = new Map<number, number>();
    this.chains.forEach((chain, i) => {
      if (!this.lazy(i)) return;
      for (let k = this.reached[i]; k < chain.steps.length; k++)
        bounds.set(chain.steps[k], this.model.colUpper[chain.steps[k]]);
      this.reached[i] = chain.steps.length - 1;
    });
    this.setUpper(bounds);
  }

  /** Spreads each widened step's units beyond its own bound over the steps after it, so that the values are the model's. */
  spreadOverSteps(values: Float64Array): void {
    this.chains.forEach((chain, i) => {
      if (!this.lazy(i)) return;
      const j = this.reached[i];
      let units = values[chain.steps[j]];
      for (let k = j; k < chain.steps.length; k++) {
        const take = Math.min(units, this.model.colUpper[chain.steps[k]]);
        values[chain.steps[k]] = take;
        units -= take;
      }
    });
  }

  /** Each chain's widened step gets its own bound back; the next step is widened (or, the last, exact). */
  refine(chainIndices: readonly number[]): void {
    const bounds = new Map<number, number>();
    for (const i of chainIndices) {
      const chain = this.chains[i];
      const j = this.reached[i]++;
      bounds.set(chain.steps[j], this.model.colUpper[chain.steps[j]]);
      bounds.set(chain.steps[j + 1], this.room(chain, j + 1));
    }
    this.setUpper(bounds);
  }

  /** All the units of steps j and on. */
  private room(chain: LazySteps, j: number): number {
    let room = 0;
    for (let k = j; k < chain.steps.length; k++) room += this.model.colUpper[chain.steps[k]];
    return room;
  }

  private setUpper(bounds: Map<number, number>): void {
    if (bounds.size === 0) return;
    const columns = [...bounds.keys()].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    this.session.setColumnBounds(
      Int32Array.from(columns, (c) => this.position.get(c)!),
      Float64Array.from(columns, (c) => this.model.colLower[c]),
      Float64Array.from(columns, (c) => bounds.get(c)!),
    );
  }
}

/** Simplex iterations a warm-started round may take: about three times what the hardest rounds here needed. */
function roundIterationLimit(model: LinearModel): number {
  return 10_000 + 2 * model.numRows;
}

/** The LP relaxation by pricing, to optimality or until the restricted LP is proven within `boundGap` (if > 0). */
export function solveLpByPricing(
  model: LinearModel,
  session: LpSession,
  plan: PricingPlan,
  options: PricingOptions & { boundGap: number },
): PricedLp {
  let best = -Infinity;
  let last: PricingRound | undefined;
  for (const round of pricingRounds(model, session, plan, options)) {
    best = Math.max(best, round.bound);
    last = round;
    if (options.boundGap > 0 && relativeGap(round.objective, best, round.penalty) <= options.boundGap) break;
  }
  return { ...last!, bound: best };
}

function costOf(model: LinearModel, values: Float64Array): number {
  let cost = 0;
  for (let c = 0; c < model.numCols; c++) cost += model.colCost[c] * values[c];
  return cost;
}

export function reducedCostsOf(model: LinearModel, rowDuals: Float64Array): Float64Array {
  const reduced = new Float64Array(model.numCols);
  for (let c = 0; c < model.numCols; c++) {
    let value = model.colCost[c];
    for (let k = model.colStart[c]; k < model.colStart[c + 1]; k++)
      value -= model.value[k] * rowDuals[model.rowIndex[k]];
    reduced[c] = value;
  }
  return reduced;
}

/**
 * min over the column and row bounds of cᵀx − yᵀ(Ax − r): a lower bound on the LP for any duals y (weak
 * duality), and its optimum when y is optimal for the full model.
 */
export function lagrangianBound(
  model: LinearModel,
  rowDuals: Float64Array,
  reducedCosts: Float64Array,
  plan?: PricingPlan,
): number {
  const kept = plan?.capacityRow && capacityRowsHold(model, plan) ? plan : undefined;
  const isKept = new Uint8Array(model.numRows);
  if (kept) for (const r of kept.capacityRow!) isKept[r] = 1;
  let bound = 0;
  const members = kept ? familyMembers(model, kept) : [];
  for (let c = 0; c < model.numCols; c++) {
    if (kept && kept.family[c] >= 0) continue;
    const d = reducedCosts[c];
    if (Math.abs(d) <= ZERO) continue;
    const at = d > 0 ? model.colLower[c] : model.colUpper[c];
    bound += Number.isFinite(at) ? d * at : Math.abs(d) <= PRICING_TOLERANCE ? 0 : -Infinity;
  }
  // Each family's columns of negative cost, cheapest first, fill its capacity: the family's part of the
  // minimum. Most families have few or none, so only those are sorted.
  const negative: number[] = [];
  members.forEach((columns, f) => {
    const row = kept!.capacityRow![f];
    // Without its own row's dual, a member's cost in the Lagrangian is its reduced cost plus that dual.
    const cost = (i: number) => reducedCosts[columns[i]] + rowDuals[row];
    negative.length = 0;
    for (let i = 0; i < columns.length; i++) if (cost(i) < 0) negative.push(i);
    if (negative.length === 0) return;
    let room = model.rowUpper[row];
    for (const i of negative.sort((a, b) => cost(a) - cost(b) || a - b)) {
      if (room <= 0) break;
      const take = Math.min(model.colUpper[columns[i]], room);
      bound += cost(i) * take;
      room -= take;
    }
  });
  for (let r = 0; r < model.numRows; r++) {
    const y = rowDuals[r];
    if (isKept[r] || Math.abs(y) <= ZERO) continue;
    const at = y > 0 ? model.rowLower[r] : model.rowUpper[r];
    bound += Number.isFinite(at) ? y * at : Math.abs(y) <= PRICING_TOLERANCE ? 0 : -Infinity;
  }
  return bound;
}

const checkedPlans = new WeakMap<PricingPlan, boolean>();
const membersOfPlan = new WeakMap<PricingPlan, number[][]>();

/** Each family's columns in index order, listed once per plan. */
function familyMembers(model: LinearModel, plan: PricingPlan): number[][] {
  let members = membersOfPlan.get(plan);
  if (!members) {
    members = Array.from({ length: plan.capacityRow!.length }, () => []);
    for (let c = 0; c < model.numCols; c++) if (plan.family[c] >= 0) members[plan.family[c]].push(c);
    membersOfPlan.set(plan, members);
  }
  return members;
}

/** The family bound holds only if each capacity row is Σ (its family's columns, coefficient 1) ≤ a finite capacity. */
function capacityRowsHold(model: LinearModel, plan: PricingPlan): boolean {
  let holds = checkedPlans.get(plan);
  if (holds === undefined) checkedPlans.set(plan, (holds = checkCapacityRows(model, plan)));
  return holds;
}

function checkCapacityRows(model: LinearModel, plan: PricingPlan): boolean {
  const rows = plan.capacityRow!;
  const familyOfRow = new Map<number, number>();
  rows.forEach((r, f) => familyOfRow.set(r, f));
  for (const r of rows)
    if (model.rowLower[r] !== -Infinity || !Number.isFinite(model.rowUpper[r]) || model.rowUpper[r] < 0)
      return false;
  for (let c = 0; c < model.numCols; c++) {
    let own = 0;
    for (let k = model.colStart[c]; k < model.colStart[c + 1]; k++) {
      const f = familyOfRow.get(model.rowIndex[k]);
      if (f === undefined) continue;
      if (f !== plan.family[c] || model.value[k] !== 1) return false;
      own += 1;
    }
    if (plan.family[c] >= 0 && (own !== 1 || model.colLower[c] !== 0)) return false;
  }
  return true;
}

function attractiveColumns(
  model: LinearModel,
  family: Int32Array,
  inLp: Uint8Array,
  reducedCosts: Float64Array,
  perFamily: number,
): number[] {
  const candidates: number[] = [];
  for (let c = 0; c < model.numCols; c++)
    if (!inLp[c] && reducedCosts[c] < -PRICING_TOLERANCE) candidates.push(c);
  // Most attractive first, ties by index so the rounds never depend on anything but the model.
  candidates.sort((a, b) => reducedCosts[a] - reducedCosts[b] || a - b);
  const taken = new Map<number, number>();
  const entering: number[] = [];
  for (const c of candidates) {
    const count = taken.get(family[c]) ?? 0;
    if (count >= perFamily) continue;
    taken.set(family[c], count + 1);
    entering.push(c);
  }
  return entering.sort((a, b) => a - b);
}
