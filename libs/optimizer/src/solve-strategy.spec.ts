import { buildCountyContext, type Policy } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import { HighsSolver } from './highs-solver';
import type { LinearModel } from './linear-model';
import { buildRotationModel } from './rotation-model';
import type { LpSession, SolveOptions, SolveResult, SolveStatus } from './solver';
import {
  mipsOverRounds,
  restrictedMipWorkLimit,
  solveLpGuided,
  type Incumbent,
  type Relaxation,
  type StrategyOptions,
} from './solve-strategy';

/** The rotation model of a sample county, its policy changed by `policy`. */
function sampleRotation(preset: 'mini' | 'dengfeng' = 'mini', seed = 3, policy: Partial<Policy> = {}) {
  const snapshot = generateCounty(preset, seed);
  snapshot.policy = { ...snapshot.policy, ...policy };
  const context = buildCountyContext(snapshot);
  return buildRotationModel(
    context,
    snapshot.schools.map((s) => s.code),
    balanceTargets(context),
  );
}

/**
 * HiGHS, remembering the MIPs it was given. 'infeasible' makes the first MIP come back infeasible;
 * 'poor' makes its plan look 5% worse than it is, too much to be proven; 'no-dive' makes every dive fail.
 */
class RecordingSolver extends HighsSolver {
  readonly mips: LinearModel[] = [];
  readonly mipOptions: SolveOptions[] = [];
  /** LP sessions opened: the pricing rounds' and one per dive (lp-dive.ts). */
  sessions = 0;
  constructor(private readonly modes: readonly ('infeasible' | 'poor' | 'no-dive')[] = []) {
    super();
  }
  override async openLp(model: LinearModel, columns: readonly number[]): Promise<LpSession> {
    this.sessions += 1;
    const session = await super.openLp(model, columns);
    // The pricing rounds' session works; with 'no-dive' every later one (a dive's) fails at once.
    if (!this.modes.includes('no-dive') || this.sessions === 1) return session;
    return {
      addColumns: (columns) => session.addColumns(columns),
      setColumnBounds: (positions, lower, upper) => session.setColumnBounds(positions, lower, upper),
      restart: () => session.restart(),
      close: () => session.close(),
      solve: (seconds) => ({ ...session.solve(seconds, 0), status: 'error' }),
    };
  }
  override async solve(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    if (options.relaxation) return super.solve(model, options);
    this.mips.push(model);
    this.mipOptions.push(options);
    if (this.modes.includes('infeasible') && this.mips.length === 1)
      return {
        status: 'infeasible',
        objective: Infinity,
        bound: -Infinity,
        values: new Float64Array(model.numCols),
        seconds: 0,
      };
    const result = await super.solve(model, options);
    return this.modes.includes('poor') && this.mips.length === 1
      ? { ...result, objective: result.objective * 1.05 }
      : result;
  }
}

describe(solveLpGuided.name, () => {
  const rotation = sampleRotation();
  const options: StrategyOptions = {
    timeLimitSeconds: 60,
    reducedCostThreshold: -1e-7,
    mipRelGap: 1e-4,
    pricing: rotation.pricing,
  };

  it('gives the MIP only the balance steps the LP reached and one more, for a plan as good', async () => {
    // Without lazy steps the plan says nothing of step chains, and the MIP gets every step.
    const everyStep = new RecordingSolver();
    const full = await solveLpGuided(rotation.model, everyStep, {
      ...options,
      pricing: { ...rotation.pricing, lazySteps: undefined },
    });
    const reached = new RecordingSolver();
    const lean = await solveLpGuided(rotation.model, reached, options);

    expect(reached.mips[0].numCols).toBeLessThan(everyStep.mips[0].numCols);
    expect(lean.objective).toBeGreaterThanOrEqual(lean.lpBound);
    expect(lean.objective).toBeLessThanOrEqual(full.objective + 5e-3 * Math.abs(full.objective));
    // Steps are used cheapest first, so within a chain the plan uses a prefix of it.
    for (const { steps } of rotation.pricing.lazySteps!) {
      const used = steps.map((c) => lean.values[c] > 1e-9);
      expect(used.indexOf(false) === -1 || !used.slice(used.indexOf(false)).includes(true)).toBe(true);
    }
  });

  it('lists the slacks of relaxable rules as the penalties gaps are measured without', () => {
    const { model, pricing } = sampleRotation('dengfeng');
    const named = model.colNames.flatMap((name, c) =>
      /^(slack_rate|slack_backbone|u_|cv_growth_)/.test(name) ? [c] : [],
    );
    expect(named.length).toBeGreaterThan(2);
    expect([...pricing.penalties!].sort((a, b) => a - b)).toEqual(named);
  });

  it('holds a MIP to its gap on what the plan costs beyond the rules it relaxes, not on the whole', async () => {
    // Nine in ten must rotate: a rule no county can meet, so every plan pays the rate's penalty.
    const relaxed = sampleRotation('dengfeng', 3, { min_rotation_rate: 0.9, max_rotation_rate: 1 });
    const solver = new RecordingSolver(['no-dive']);
    const result = await solveLpGuided(relaxed.model, solver, {
      ...options,
      mipRelGap: 3e-3,
      pricing: relaxed.pricing,
    });

    expect(result.penalty).toBeGreaterThan(1e6);
    expect(solver.mipOptions.length).toBeGreaterThan(0);
    for (const mip of solver.mipOptions) {
      expect(mip.mipRelGap).toBe(3e-3);
      // 0.3% of the rest of the objective: a few units, where 0.3% of the whole would be tens of thousands.
      expect(mip.mipAbsGap).toBeGreaterThan(0);
      expect(mip.mipAbsGap).toBeLessThan(3e-3 * Math.abs(result.objective - result.penalty) * 1.5 + 1);
    }
    // A county that relaxes nothing keeps the relative gap alone.
    const plain = new RecordingSolver(['no-dive']);
    const dengfeng = sampleRotation('dengfeng');
    await solveLpGuided(dengfeng.model, plain, { ...options, pricing: dengfeng.pricing });
    expect(plain.mipOptions.length).toBeGreaterThan(0);
    for (const mip of plain.mipOptions) {
      expect(mip.mipRelGap).toBe(1e-4);
      expect(mip.mipAbsGap).toBeUndefined();
    }
  });

  it('starts the MIP over every column from the plan in hand, and bounds its work', async () => {
    // Most teachers eligible, short distances and a high backbone share: no plan comes near the LP bound,
    // so a county this small gets the MIP over every column.
    const hard = sampleRotation('mini', 18, {
      min_rotation_rate: 0.19,
      max_rotation_rate: 0.34,
      min_backbone_share: 0.47,
      min_years_at_school: 3,
      max_distance_km: 15,
    });
    const solver = new RecordingSolver();
    const result = await solveLpGuided(hard.model, solver, {
      ...options,
      mipRelGap: 3e-3,
      pricing: hard.pricing,
    });

    const whole = solver.mipOptions.filter((_, i) => solver.mips[i].numCols === hard.model.numCols);
    expect(whole).toHaveLength(1);
    expect(whole[0].start).toHaveLength(hard.model.numCols);
    expect(whole[0].workLimit).toMatchObject({ lpIterations: 20_000, anyPlanAfter: 5_000 });
    expect(result.objective).toBeGreaterThanOrEqual(result.lpBound);
  });

  it('falls back to the MIP over every step, without lower bounds, when that MIP fails', async () => {
    const solver = new RecordingSolver(['infeasible']);
    const result = await solveLpGuided(rotation.model, solver, options);

    const [lean, fallback] = solver.mips;
    expect(fallback.numCols).toBeGreaterThan(lean.numCols);
    expect(fallback.colLower.every((lower, c) => !fallback.integer[c] || lower === 0)).toBe(true);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeGreaterThanOrEqual(result.lpBound);
  });

  it('seeks a second plan over the columns of the next round when the first is not proven', async () => {
    // A county large enough for the first MIP to come before the LP has settled.
    const county = sampleRotation('dengfeng');
    const solver = new RecordingSolver(['poor']);
    const result = await solveLpGuided(county.model, solver, {
      ...options,
      pricing: county.pricing,
      mipRelGap: 3e-3,
    });

    // The first plan came from a MIP; the second from a dive over an exact round, or a MIP.
    const dives = solver.sessions - 1;
    expect(solver.mips.length).toBeGreaterThanOrEqual(1);
    expect(solver.mips.length + dives).toBeGreaterThanOrEqual(2);
    expect(result.objective).toBeGreaterThanOrEqual(result.lpBound);
    expect((result.objective - result.lpBound) / result.objective).toBeLessThan(0.05);
  });
});

/** A pricing round as the schedule sees it: its point's cost, the bound it proves, whether it is exact. */
function round(objective: number, bound: number, exact: boolean, converged = false, penalty = 0): Relaxation {
  return {
    status: 'optimal',
    values: new Float64Array(0),
    objective,
    bound,
    exact,
    converged,
    columns: 0,
    penalty,
  };
}

async function* each(rounds: readonly Relaxation[]): AsyncGenerator<Relaxation> {
  for (const r of rounds) yield r;
}

/**
 * MIPs that find, over each round, the plan `planCost(round)`, ending with `statusOf(round)`; remembers
 * which rounds got one.
 */
function recordingMips(
  planCost: (lp: Relaxation) => number,
  penalty = 0,
  statusOf: (lp: Relaxation) => SolveStatus = () => 'optimal',
) {
  const over: Relaxation[] = [];
  const mipOver = async (lp: Relaxation): Promise<Incumbent> => {
    over.push(lp);
    return {
      values: new Float64Array(0),
      objective: planCost(lp),
      status: statusOf(lp),
      keptColumns: 0,
      penalty,
    };
  };
  return { over, mipOver };
}

describe(mipsOverRounds.name, () => {
  it('gives a round close to its bound but not exact an early MIP, and stops once a later bound proves it', async () => {
    const rounds = [
      round(1100, 900, false), // 18% off: no MIP
      round(1004, 1000, false), // 0.4% off, not exact: an early MIP, whose plan (1005.5) is 0.55% off
      round(1003.2, 1003, false), // its bound proves the early plan within 0.3%: no MIP
      round(1002.9, 1002.9, true, true),
    ];
    const { over, mipOver } = recordingMips((lp) => lp.objective + 1.5);
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[1]]);
    expect(schedule.incumbent?.objective).toBe(1005.5);
    expect(schedule.bound).toBe(1003);
    // Pricing stopped at the round that proved the plan.
    expect(schedule.last).toBe(rounds[2]);
  });

  it('stops at an early plan its own round proves within 0.45%', async () => {
    const rounds = [
      round(1004, 1000, false), // an early MIP, whose plan (1004.4) is 0.44% above this round's bound
      round(1001, 1000.9, true),
    ];
    const { over, mipOver } = recordingMips((lp) => lp.objective + 0.4);
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[0]]);
    expect(schedule.incumbent?.objective).toBe(1004.4);
    expect(schedule.last).toBe(rounds[0]);
  });

  it('prices on past a plan proven within 0.45% when told to accept only 0.3%', async () => {
    const rounds = [
      round(1004, 1000, false), // an early MIP, whose plan (1004.4) is 0.44% above this round's bound
      round(1002.9, 1002, false), // proves it within 0.3%
      round(1002, 1002, true, true),
    ];
    const { over, mipOver } = recordingMips((lp) => lp.objective + 0.4);
    const schedule = await mipsOverRounds(each(rounds), mipOver, 3e-3);

    expect(over).toEqual([rounds[0]]);
    expect(schedule.last).toBe(rounds[1]);
  });

  it('still gives a round due a MIP its MIP when its bound proves the plan within 0.45% but not 0.3%', async () => {
    const rounds = [
      round(1004, 1000, false), // an early MIP, whose plan (1005.5) is 0.55% off
      round(1001.2, 1001, true), // proves it within 0.45%, and is the first exact round: its MIP runs
      round(1001, 1001, true, true),
    ];
    const { over, mipOver } = recordingMips((lp) => lp.objective + 1.5);
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[0], rounds[1]]);
    expect(schedule.incumbent?.objective).toBe(1002.7);
    expect(schedule.last).toBe(rounds[1]);
  });

  it('measures a plan that pays for a relaxed rule on the rest of its cost', async () => {
    // A head with nobody to exchange with costs a million in every plan and in the bound. The first plan
    // is 4,000 above the bound: 0.39% of its objective, but 17% of what it costs beyond the penalty.
    const million = 1_000_000;
    const rounds = [
      round(1_020_004, 1_020_000, true, false, million), // 0.02% of the rest: the first MIP
      round(1_020_002, 1_020_001, true, false, million), // the first plan unproven: a second MIP
      round(1_020_001, 1_020_001, true, true, million),
    ];
    const { over, mipOver } = recordingMips((lp) => (lp === rounds[0] ? 1_024_000 : 1_020_010), million);
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[0], rounds[1]]);
    expect(schedule.incumbent?.objective).toBe(1_020_010);
  });

  it('gives a round further from its bound no early MIP', async () => {
    const rounds = [round(1008, 1000, false), round(1001, 1000.5, true)];
    const { over, mipOver } = recordingMips((lp) => lp.objective + 1);
    await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[1]]);
  });

  it('still solves the first exact round when the early plan is not proven, and keeps the better plan', async () => {
    const rounds = [
      round(1004, 1000, false), // an early MIP, whose plan (1030) no bound proves
      round(1001, 1000.5, true), // the first MIP
      round(1000.9, 1000.9, true, true),
    ];
    const { over, mipOver } = recordingMips((lp) => (lp === rounds[0] ? 1030 : 1002));
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[0], rounds[1]]);
    expect(schedule.incumbent?.objective).toBe(1002);
    expect(schedule.last).toBe(rounds[1]);
  });

  it('runs no MIP after one stopped at its work limit, and prices on only for the bound', async () => {
    const rounds = [
      round(1001, 1000.5, true), // the first MIP stops at its work limit with a plan 0.6% off
      round(1000.9, 1000.8, true), // would have been the second MIP's round
      round(1000.9, 1000.9, true, true),
    ];
    const { over, mipOver } = recordingMips(
      () => 1006.5,
      0,
      () => 'iteration_limit',
    );
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[0]]);
    expect(schedule.workLimited).toBe(true);
    expect(schedule.incumbent?.objective).toBe(1006.5);
    expect(schedule.last).toBe(rounds[2]);
    expect(schedule.bound).toBe(1000.9);
  });

  it('still gives the first exact round its MIP after an early one stopped at its work limit', async () => {
    const rounds = [
      round(1004, 1000, false), // an early MIP, stopped at its work limit with a plan 1% off
      round(1001, 1000.5, true), // the first exact round: its MIP runs all the same
      round(1000.9, 1000.9, true, true),
    ];
    const { over, mipOver } = recordingMips(
      (lp) => (lp === rounds[0] ? 1010 : 1001.5),
      0,
      (lp) => (lp === rounds[0] ? 'iteration_limit' : 'optimal'),
    );
    const schedule = await mipsOverRounds(each(rounds), mipOver);

    expect(over).toEqual([rounds[0], rounds[1]]);
    expect(schedule.workLimited).toBeFalsy();
    expect(schedule.incumbent?.objective).toBe(1001.5);
  });

  it('hands each MIP the best bound so far, for its work limit', async () => {
    const rounds = [round(1100, 1000.2, false), round(1001, 1000.1, true)];
    const bounds: number[] = [];
    await mipsOverRounds(each(rounds), async (lp, bound) => {
      bounds.push(bound);
      return { values: new Float64Array(0), objective: 1001, status: 'optimal', keptColumns: 0, penalty: 0 };
    });

    expect(bounds).toEqual([1000.2]);
  });

  it('refuses a round whose LP failed', async () => {
    const failed = { ...round(1, 0, false), status: 'error' as const };
    const { mipOver } = recordingMips(() => 1);

    await expect(mipsOverRounds(each([failed]), mipOver)).rejects.toThrow('LP relaxation failed: error');
  });
});

describe(restrictedMipWorkLimit.name, () => {
  it('lets a MIP over an exact round search ten times longer for a good plan than an early one', () => {
    const exact = restrictedMipWorkLimit({ exact: true, penalty: 0 }, 1000);
    const early = restrictedMipWorkLimit({ exact: false, penalty: 0 }, 1000);

    expect(exact.lpIterations).toBe(20_000);
    expect(exact.anyPlanAfter).toBe(200_000);
    expect(early).toEqual({ ...exact, anyPlanAfter: 20_000 });
    // Either accepts a plan within 0.45% of the bound once past its first limit.
    expect(early.acceptAt).toBeCloseTo(1000 / (1 - 4.5e-3), 6);
  });
});
