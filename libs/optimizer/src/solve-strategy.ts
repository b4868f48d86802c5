import { pricingRounds, type LazySteps, type PricingPlan } from './column-generation';
import { highestWithinGap, penaltyCost, relativeGap } from './gaps';
import {
  INTEGRALITY_TOLERANCE,
  isIntegral,
  isWhole,
  restrictColumns,
  type LinearModel,
} from './linear-model';
import { diveToIntegral } from './lp-dive';
import type { MipSolver, SolveOptions, SolveResult, SolveStatus, WorkLimit } from './solver';

export interface StrategyOptions {
  timeLimitSeconds: number;
  /** Move columns whose LP reduced cost is above this are left out of the MIP. */
  reducedCostThreshold: number;
  mipRelGap: number;
  /**
   * With a backend that offers LP sessions, the LP relaxation is solved by pricing columns in. Its lazy
   * step chains also trim the MIP: of each, only the steps the LP reached and one more.
   */
  pricing?: PricingPlan;
  /** Told of each LP relaxation round as it is done, with the gap the best bound so far proves. */
  onRound?: (round: number, gap: number) => void;
}

export interface StrategyResult {
  values: Float64Array;
  objective: number;
  /** A proven lower bound on the LP relaxation of the whole model: no plan can do better. */
  lpBound: number;
  /** What the plan pays for relaxed rules that its LP relaxation pays too (part of `objective`). */
  penalty: number;
  status: SolveResult['status'];
  lpSeconds: number;
  mipSeconds: number;
  keptColumns: number;
  /** Columns the LP relaxation was solved over (all of them without pricing). */
  lpColumns: number;
  /** A proven lower bound on every integer point of the model, where a MIP over all its columns ran. */
  integerBound?: number;
}

/**
 * The MIP starts once the restricted LP is proven within 0.2% of the full LP. The last pricing rounds move
 * the LP by hundredths of a percent but cost a second on a large county; an earlier start was slower
 * (Hohhot at 1%: the LP is more fractional there and the MIP took 0.8 s instead of 0.3 s).
 */
const MIP_START_GAP = 2e-3;
/** A plan this close to the LP bound is good enough (the goal is 0.5%). */
const ACCEPT_GAP = 4.5e-3;
/**
 * A plan proven this close needs no more rounds and no more MIPs: the MIP's own stopping gap
 * (optimize-plan.ts). A plan proven only within {@link ACCEPT_GAP} still gets the MIP of a round that is
 * due one, and then pricing stops. On Hohhot seeds 2, 3 and 6 (2026-12-02) the early plan is proven within
 * 0.37–0.44% by its own round, where the exact round after it (0.7–1.0 s) only proved the same plan closer;
 * on the prefecture a region's early plan, 0.41% above the next round's bound, gave way to that round's
 * MIP at 0.004%.
 */
const PROOF_GAP = 3e-3;
/**
 * Lazy balance steps (column-generation.ts) until the restricted LP is proven this close, then every step.
 * Left lazy to the end instead (measured 2026-12-01, one run per seed), Hohhot seeds 1–4 and 6 planned
 * 0.16–0.36 s faster, but seed 5 took 7.7 s instead of 5.9 s (its early MIP, anchored on an optimistic
 * LP's flows, gave a plan 1% above the bound) and seeds 1 and 4 ended 0.26% and 0.24% above the bound
 * instead of 0.09% and 0.07%.
 */
const ALL_STEPS_AT_GAP = 3e-3;
/**
 * A round proven this close but not exact yet gets an early MIP over its columns, whose plan the next
 * rounds' bounds may prove. On Hohhot the round before the exact one is at 0.26–0.31% on half the sample
 * seeds: its MIP (0.1–0.4 s) is proven by the next round's bound, so the exact round's MIP (0.4–0.8 s) is
 * not needed. Rounds further off (0.56–0.97%) gave plans 0.4–0.7% above the bound, so they get none.
 */
const EARLY_MIP_GAP = 5e-3;
/**
 * A MIP past this many LP iterations stops at its first plan within {@link ACCEPT_GAP} of the LP bound,
 * and past ten times as many at any plan. The sample counties' MIPs take up to 2,500. Where HiGHS cannot
 * close its own gap it would otherwise branch for minutes over hundredths of a percent: Dengfeng with
 * every teacher eligible spent 67 s in three MIPs for a plan 0.4% above the bound.
 */
const MIP_WORK_LP_ITERATIONS = 20_000;
/** Models up to this many columns get the MIP over all of them when the restricted one's plan is unproven. */
const WHOLE_MIP_COLUMNS = 20_000;
/**
 * That MIP starts from the plan in hand and stops, with any plan, past this many LP iterations. Where
 * the LP bound lies far below every plan (a 1,000-teacher county with most of its teachers eligible:
 * 2.4%), HiGHS spent 30 s in it to find a plan 0.14% better; past 20,000 iterations, 8 s for 0.01%;
 * past 5,000, 3 s for none. On counties where it pays (a plan 0.2% better, or a third less of what a
 * plan costs beyond its penalties) it finds the same plan within 5,000 as within 20,000.
 * The limit is coarse: HiGHS refreshes the iteration count its interrupt callback sees only at its own
 * checkpoints, not inside root cut rounds or RINS/RENS sub-MIPs. On 7 of 40 random 300–2,000-teacher
 * counties (2026-12-02) this MIP took 3–12 s for plans at most 0.03% better; turning RINS/RENS off, or
 * accepting a plan within the MIP's own gap at once, also lost the 0.2–0.8% it found on other counties.
 */
const WHOLE_MIP_LP_ITERATIONS = 5_000;
/** Destinations priced in per teacher group and round. */
const PRICED_PER_GROUP = 2;

/** One LP relaxation solve: the restricted LP of a pricing round, or the whole LP. */
export interface Relaxation {
  status: SolveStatus;
  values: Float64Array;
  objective: number;
  bound: number;
  reducedCosts?: Float64Array;
  converged: boolean;
  /** `values` are an optimum of the model's LP over the columns so far (see PricingRound.exact). */
  exact: boolean;
  columns: number;
  /** What `values` pay for relaxed rules: gaps are measured on the rest (relativeGap). */
  penalty: number;
}

export interface Incumbent {
  values: Float64Array;
  objective: number;
  status: SolveStatus;
  keptColumns: number;
  /** What the plan pays for relaxed rules that the LP point it came from pays too (see penaltyCost). */
  penalty: number;
}

/**
 * LP-guided restricted MIP (SOLVERS.md). The LP relaxation is solved by pricing columns in; once it is
 * close, the MIP is solved over the columns the LP used or finds attractive, anchored on the flows the LP
 * already set to whole numbers. The grouped model's LP is nearly integral, so that MIP is small. Pricing
 * then goes on only until its bound proves the plan within {@link PROOF_GAP}, or {@link ACCEPT_GAP} once
 * no MIP is due; a plan still unproven after one more round gets a second MIP over that round's columns.
 * A round close to its bound but not yet exact gets an early MIP ({@link EARLY_MIP_GAP}), which can spare
 * the later one. The bound reported is the best proven, never more than the LP optimum. A backend without
 * LP sessions solves the whole LP first.
 */
export async function solveLpGuided(
  model: LinearModel,
  solver: MipSolver,
  options: StrategyOptions,
): Promise<StrategyResult> {
  const started = performance.now();
  const budget = () => Math.max(1, options.timeLimitSeconds - (performance.now() - started) / 1000);
  let mipSeconds = 0;
  /** A MIP over this LP's columns, timed. */
  const mipOver = async (lp: Relaxation, bound: number) => {
    const mipStarted = performance.now();
    const mip = await restrictedMip(model, solver, lp, options, budget(), bound);
    mipSeconds += (performance.now() - mipStarted) / 1000;
    return mip;
  };
  // A small county's rounds and MIPs cost little: its pricing goes on until the plan is proven within the
  // MIP's own gap (county-1k: 0.5 s to a plan proven within 0.03%, where stopping at 0.33% and solving
  // the MIP over every column took 1.2 s for the same plan).
  const small = model.numCols <= WHOLE_MIP_COLUMNS;
  const acceptGap = small ? PROOF_GAP : ACCEPT_GAP;
  const schedule = await mipsOverRounds(
    reportRounds(relaxations(model, solver, options), options.onRound),
    mipOver,
    acceptGap,
  );
  const { bound, last } = schedule;
  const settled = (gap: number) => schedule.workLimited || isProven(schedule.incumbent, bound, gap);
  let integerBound: number | undefined;
  if (!schedule.incumbent || !last) throw new Error('LP relaxation gave no result');
  if (last.converged && schedule.mippedOn !== last && !settled(acceptGap)) {
    // Not proven, and the LP has settled with columns no MIP saw: try them too.
    take(schedule, await mipOver(last, bound));
  }
  if (small && !settled(PROOF_GAP)) {
    // A small county whose plan is still not proven (its LP is far from integral): the MIP over every
    // column costs little there, and the restricted one can miss the optimum.
    const wholeStarted = performance.now();
    // It starts from the plan in hand and stops at its own work limit with whatever it has then.
    const whole = await solver.solve(model, {
      relaxation: false,
      timeLimitSeconds: budget(),
      ...stoppingGaps(options, schedule.incumbent.objective, schedule.incumbent.penalty),
      workLimit: {
        ...workLimitFor(bound, schedule.incumbent.penalty),
        anyPlanAfter: WHOLE_MIP_LP_ITERATIONS,
      },
      start: schedule.incumbent.values,
    });
    mipSeconds += (performance.now() - wholeStarted) / 1000;
    if (hasPlan(whole.status) && Number.isFinite(whole.bound)) integerBound = whole.bound;
    if (hasPlan(whole.status))
      take(schedule, {
        values: whole.values,
        objective: whole.objective,
        status: whole.status,
        keptColumns: model.numCols,
        penalty: penaltyOf(model, options, whole.values, last.values),
      });
  }
  const incumbent = schedule.incumbent;
  return {
    ...(integerBound === undefined
      ? {}
      : { integerBound: Math.min(incumbent.objective, Math.max(integerBound, bound)) }),
    values: incumbent.values,
    objective: incumbent.objective,
    lpBound: Math.min(bound, incumbent.objective),
    penalty: incumbent.penalty,
    status: incumbent.status,
    lpSeconds: (performance.now() - started) / 1000 - mipSeconds,
    mipSeconds,
    keptColumns: incumbent.keptColumns,
    lpColumns: last.columns,
  };
}

/** What the pricing rounds and the MIPs over them came to. */
export interface MipSchedule {
  /** The best plan found, if any MIP ran. */
  incumbent?: Incumbent;
  /** The best bound the rounds proved. */
  bound: number;
  /** The last round priced. */
  last?: Relaxation;
  /** The round the last MIP ran over. */
  mippedOn?: Relaxation;
  /**
   * A MIP over an exact round stopped at its work limit: HiGHS could not close its gap there, and more
   * MIPs over much the same columns would not either, so no more MIPs run (the rounds still tighten the
   * bound).
   */
  workLimited?: boolean;
}

/**
 * A MIP's plan becomes the incumbent if it costs less (or there is none); a work-limited MIP is noted,
 * unless it was an early one over a round not yet exact: the exact round's MIP, over the model's own
 * costs, may still settle where that one could not.
 */
function take(schedule: MipSchedule, mip: Incumbent, early = false): void {
  if (!schedule.incumbent || mip.objective < schedule.incumbent.objective) schedule.incumbent = mip;
  if (mip.status === 'iteration_limit' && !early) schedule.workLimited = true;
}

/** A plan within `gap` of the bound. */
function isProven(incumbent: Incumbent | undefined, bound: number, gap: number): boolean {
  return incumbent !== undefined && relativeGap(incumbent.objective, bound, incumbent.penalty) <= gap;
}

/**
 * Which rounds get a MIP, and when pricing stops, decided from the rounds alone: the first exact round
 * proven within {@link MIP_START_GAP} (or the converged one) gets the first MIP, the round after it a second
 * one if that plan is still unproven, and before them a round not yet exact but within
 * {@link EARLY_MIP_GAP} gets an early one. Pricing stops as soon as the best plan is proven within
 * {@link PROOF_GAP}, or within `acceptGap` after the round's MIP, if one was due, has run. After a MIP
 * over an exact round stopped at its work limit no other MIP runs.
 */
export async function mipsOverRounds(
  rounds: AsyncIterable<Relaxation>,
  mipOver: (lp: Relaxation, bound: number) => Promise<Incumbent>,
  acceptGap = ACCEPT_GAP,
): Promise<MipSchedule> {
  const schedule: MipSchedule = { bound: -Infinity };
  const proven = (gap: number) => isProven(schedule.incumbent, schedule.bound, gap);
  const run = async (lp: Relaxation) => {
    take(schedule, await mipOver(lp, schedule.bound), !lp.exact);
    schedule.mippedOn = lp;
  };
  let firstMipDone = false;
  let retried = false;
  for await (const lp of rounds) {
    if (lp.status !== 'optimal') throw new Error(`LP relaxation failed: ${lp.status}`);
    schedule.bound = Math.max(schedule.bound, lp.bound);
    schedule.last = lp;
    // An early plan that this round's bound proves needs nothing more.
    if (proven(PROOF_GAP)) break;
    // After a MIP stopped at its work limit, the rounds go on only to tighten the bound.
    if (schedule.workLimited) {
      if (proven(acceptGap)) break;
      continue;
    }
    if (
      !firstMipDone &&
      (lp.converged || (lp.exact && relativeGap(lp.objective, lp.bound, lp.penalty) <= MIP_START_GAP))
    ) {
      firstMipDone = true;
      await run(lp);
    } else if (firstMipDone && !retried) {
      // The first plan is not proven after another round: a MIP over this round's columns, rather than
      // waiting for the LP to settle (Dengfeng: gap 0.14% instead of 0.26%; Hohhot seed 6: 0.10% instead
      // of 0.14%; both in about the same time).
      retried = true;
      await run(lp);
    } else if (
      !firstMipDone &&
      !schedule.incumbent &&
      relativeGap(lp.objective, schedule.bound, lp.penalty) <= EARLY_MIP_GAP
    ) {
      // Close but not exact yet: an early plan, which the coming rounds' bounds may prove.
      await run(lp);
    }
    // This round's MIP, if it was due one, has run: a plan good enough ends the pricing.
    if (proven(acceptGap)) break;
  }
  return schedule;
}

/** Passes the rounds on, telling `onRound` of each: a progress display, it never changes what is decided. */
async function* reportRounds(
  rounds: AsyncIterable<Relaxation>,
  onRound: StrategyOptions['onRound'],
): AsyncGenerator<Relaxation> {
  let bound = -Infinity;
  let round = 0;
  for await (const lp of rounds) {
    bound = Math.max(bound, lp.bound);
    onRound?.(++round, Math.max(0, relativeGap(lp.objective, bound, lp.penalty)));
    yield lp;
  }
}

async function* relaxations(
  model: LinearModel,
  solver: MipSolver,
  options: StrategyOptions,
): AsyncGenerator<Relaxation> {
  if (options.pricing && solver.openLp) {
    const session = await solver.openLp(model, options.pricing.seed);
    try {
      const pricing = {
        timeLimitSeconds: options.timeLimitSeconds,
        perFamily: PRICED_PER_GROUP,
        allStepsAtGap: ALL_STEPS_AT_GAP,
      };
      for (const round of pricingRounds(model, session, options.pricing, pricing)) {
        // A round that failed even from scratch hands over to the whole LP below.
        if (round.status !== 'optimal') break;
        yield round;
        if (round.converged) return;
      }
    } finally {
      session.close();
    }
  }
  const lp = await solver.solve(model, {
    relaxation: true,
    timeLimitSeconds: options.timeLimitSeconds,
    mipRelGap: options.mipRelGap,
  });
  yield {
    ...lp,
    bound: lp.objective,
    converged: true,
    exact: true,
    columns: model.numCols,
    penalty: penaltyOf(model, options, lp.values),
  };
}

/**
 * The MIP over the columns the LP used or finds attractive; an integral LP point is its own answer. An
 * exact LP point is first rounded by a dive (lp-dive.ts): a plan within the MIP's own gap of the bound is
 * taken as it is. Otherwise the MIP first gets only the steps of each chain the LP reached and one more,
 * with the LP's whole-number flows as lower bounds; should that fail, the MIP over every step and no lower
 * bounds decides. The better of the dive's plan and the MIP's is kept.
 */
async function restrictedMip(
  model: LinearModel,
  solver: MipSolver,
  lp: Relaxation,
  options: StrategyOptions,
  timeLimitSeconds: number,
  bound: number,
): Promise<Incumbent> {
  if (lp.exact && isIntegral(model, lp.values))
    return {
      values: lp.values,
      objective: lp.objective,
      status: 'optimal',
      keptColumns: lp.columns,
      penalty: lp.penalty,
    };
  const started = performance.now();
  const remaining = () => Math.max(1, timeLimitSeconds - (performance.now() - started) / 1000);
  // Lazy rounds' points are dearer than their LP thought, and dives from them ended 0.4–1.1% above the
  // bound on Hohhot seeds 2 and 3, where HiGHS's MIP over the same columns found 0.25% and 0.14%.
  const dived = lp.exact
    ? await diveToIntegral(model, solver, lp.values, {
        timeLimitSeconds: remaining(),
        family: options.pricing?.family,
      })
    : undefined;
  const divePlan: Incumbent | undefined = dived && {
    values: dived.values,
    objective: dived.objective,
    status: 'optimal',
    keptColumns: dived.columns,
    penalty: penaltyOf(model, options, dived.values, lp.values),
  };
  if (divePlan && relativeGap(divePlan.objective, bound, divePlan.penalty) <= options.mipRelGap)
    return divePlan;
  const workLimit = restrictedMipWorkLimit(lp, bound);
  const solve = async (keep: number[], anchored: boolean) => {
    const restricted = restrictColumns(model, keep);
    const mip = await solver.solve(
      anchored ? anchorIntegralColumns(model, restricted, keep, lp.values) : restricted,
      {
        relaxation: false,
        timeLimitSeconds: remaining(),
        ...stoppingGaps(options, lp.objective, lp.penalty),
        workLimit,
      },
    );
    return { mip, keep };
  };
  // Steps far beyond the LP's lengthen HiGHS's root cut loop (Hohhot seeds 1–6: MIP 0.5–1.3 s with them
  // left out, 0.8–1.4 s with them), and a plan near the LP doesn't need them. Columns the LP already set
  // to a positive whole number keep at least that value: the MIP then only settles the fractional flows.
  let { mip, keep } = await solve(
    keptColumns(model, lp, options, unreachedSteps(model, lp.values, options.pricing?.lazySteps)),
    true,
  );
  if (!hasPlan(mip.status)) ({ mip, keep } = await solve(keptColumns(model, lp, options), false));
  if (!hasPlan(mip.status)) {
    if (divePlan) return divePlan;
    throw new Error(`MIP failed: ${mip.status}`);
  }
  if (divePlan && divePlan.objective <= mip.objective) return divePlan;
  const values = new Float64Array(model.numCols);
  keep.forEach((c, i) => (values[c] = mip.values[i]));
  return {
    values,
    objective: mip.objective,
    status: mip.status,
    keptColumns: keep.length,
    penalty: penaltyOf(model, options, values, lp.values),
  };
}

function keptColumns(
  model: LinearModel,
  lp: Relaxation,
  options: StrategyOptions,
  left?: Uint8Array,
): number[] {
  const keep: number[] = [];
  for (let c = 0; c < model.numCols; c++) {
    if (left?.[c]) continue;
    const attractive = lp.reducedCosts === undefined || lp.reducedCosts[c] <= options.reducedCostThreshold;
    if (!model.integer[c] || lp.values[c] > INTEGRALITY_TOLERANCE || attractive) keep.push(c);
  }
  return keep;
}

/** Steps of each chain beyond the last one the LP uses and the one after it. */
function unreachedSteps(
  model: LinearModel,
  values: Float64Array,
  chains: readonly LazySteps[] | undefined,
): Uint8Array {
  const unreached = new Uint8Array(model.numCols);
  for (const { steps } of chains ?? []) {
    let reached = -1;
    steps.forEach((c, k) => {
      if (values[c] > INTEGRALITY_TOLERANCE) reached = k;
    });
    for (let k = reached + 2; k < steps.length; k++) unreached[steps[k]] = 1;
  }
  return unreached;
}

function anchorIntegralColumns(
  model: LinearModel,
  restricted: LinearModel,
  keep: readonly number[],
  lpValues: Float64Array,
): LinearModel {
  const colLower = Float64Array.from(restricted.colLower);
  keep.forEach((c, i) => {
    const value = lpValues[c];
    if (model.integer[c] && value > 0.5 && isWhole(value)) colLower[i] = Math.round(value);
  });
  return { ...restricted, colLower };
}

/**
 * The work limit of the MIP over a round's columns. The LP point's penalties stand in for the plan's,
 * which the limit needs before there is one. An early MIP, over a round not yet exact, is a gamble on a
 * plan the coming rounds may prove: past the first limit it stops with any plan (Dengfeng with every
 * teacher eligible, a 35% backbone share and a 15 km limit: such a MIP had run 200,000 LP iterations,
 * 16 s, to a plan 0.68% above the bound, and kept the exact round from a MIP of its own).
 */
export function restrictedMipWorkLimit(lp: Pick<Relaxation, 'exact' | 'penalty'>, bound: number): WorkLimit {
  const limit = workLimitFor(bound, lp.penalty);
  return lp.exact ? limit : { ...limit, anyPlanAfter: MIP_WORK_LP_ITERATIONS };
}

/**
 * The work limit of a MIP, given the best LP bound so far and what the plan is expected to pay for relaxed
 * rules: plans within ACCEPT_GAP of the bound are accepted.
 */
function workLimitFor(bound: number, penalty: number): WorkLimit {
  return {
    lpIterations: MIP_WORK_LP_ITERATIONS,
    acceptAt: highestWithinGap(bound, ACCEPT_GAP, penalty),
    ownGap: ACCEPT_GAP,
    penalty,
    anyPlanAfter: 10 * MIP_WORK_LP_ITERATIONS,
  };
}

/**
 * The MIP's own stopping gap, measured as {@link relativeGap} measures plans: on the objective less what
 * `objective` pays for relaxed rules. HiGHS's relative gap is over the whole objective, so a county paying
 * a million for a head nobody can exchange with would let it stop 3,000 units short, more than the rest of
 * a small county's objective; an absolute gap of the same share of the rest holds it to the same standard.
 */
function stoppingGaps(
  options: StrategyOptions,
  objective: number,
  penalty: number,
): Pick<SolveOptions, 'mipRelGap' | 'mipAbsGap'> {
  if (penalty <= 0) return { mipRelGap: options.mipRelGap };
  return {
    mipRelGap: options.mipRelGap,
    mipAbsGap: options.mipRelGap * Math.max(1, Math.abs(objective - penalty)),
  };
}

/**
 * What a point of the model pays for relaxed rules, by the pricing plan's list of their slacks; of a plan,
 * only what the LP point it came from pays too (`penaltyCost`).
 */
function penaltyOf(
  model: LinearModel,
  options: StrategyOptions,
  values: Float64Array,
  lpValues?: Float64Array,
): number {
  return penaltyCost(model, values, options.pricing?.penalties, lpValues);
}

/** A MIP that stopped at its gap, its time limit or its work limit has a plan. */
function hasPlan(status: SolveStatus): boolean {
  return status === 'optimal' || status === 'time_limit' || status === 'iteration_limit';
}
