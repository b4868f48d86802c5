import { buildCountyContext } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import {
  lagrangianBound,
  pricingRounds,
  reducedCostsOf,
  solveLpByPricing,
  type PricingRound,
} from './column-generation';
import { HighsSolver } from './highs-solver';
import { buildRotationModel, type RotationModel } from './rotation-model';
import type { LpSession } from './solver';
import { solveLpGuided } from './solve-strategy';

function miniModel(): RotationModel {
  const snapshot = generateCounty('mini', 3);
  const context = buildCountyContext(snapshot);
  return buildRotationModel(
    context,
    snapshot.schools.map((s) => s.code),
    balanceTargets(context),
  );
}

/** The sample's whole LP, and the same LP by pricing with the given stopping gap. */
async function wholeAndPriced(boundGap: number) {
  const solver = new HighsSolver();
  const { model, pricing } = miniModel();
  const whole = await solver.solve(model, { relaxation: true, timeLimitSeconds: 60, mipRelGap: 0 });
  const session = await solver.openLp(model, pricing.seed);
  const priced = solveLpByPricing(model, session, pricing, { timeLimitSeconds: 60, boundGap, perFamily: 1 });
  session.close();
  return { model, pricing, whole, priced };
}

describe(solveLpByPricing.name, () => {
  const solver = new HighsSolver();

  it('reaches the optimum of the whole LP from a fraction of its columns', async () => {
    const { model, pricing, whole, priced } = await wholeAndPriced(0);

    expect(pricing.seed.length).toBeLessThan(model.numCols);
    expect(priced.round).toBeGreaterThan(1);
    expect(priced.converged).toBe(true);
    expect(priced.status).toBe('optimal');
    expect(Math.abs(priced.objective - whole.objective)).toBeLessThan(1e-6 * Math.abs(whole.objective));
    expect(priced.bound).toBe(priced.objective);
    // No column at its lower bound, which every column left out of the final LP is, would lower the objective.
    for (let c = 0; c < model.numCols; c++) {
      if (priced.values[c] === model.colLower[c] && model.colUpper[c] > model.colLower[c])
        expect(priced.reducedCosts[c]).toBeGreaterThan(-1e-6);
    }
  });

  it('stops early, once its bound proves the restricted LP close enough, and the bound is below the optimum', async () => {
    const { whole, priced } = await wholeAndPriced(0.05);

    expect(priced.bound).toBeLessThanOrEqual(whole.objective + 1e-6);
    expect(priced.objective).toBeGreaterThanOrEqual(whole.objective - 1e-6);
    expect(priced.objective - priced.bound).toBeLessThanOrEqual(0.05 * Math.abs(priced.objective));
  });

  it('refuses a seed that leaves out a column no family can bring back', async () => {
    const { model, pricing } = miniModel();
    const seed = pricing.seed.filter(
      (c) => pricing.family[c] >= 0 || c !== pricing.seed[pricing.seed.length - 1],
    );
    const session = await solver.openLp(model, seed);
    expect(() =>
      solveLpByPricing(
        model,
        session,
        { ...pricing, seed },
        { timeLimitSeconds: 60, boundGap: 0, perFamily: 1 },
      ),
    ).toThrow(/no family/);
    session.close();
  });
});

describe('a stalled warm start', () => {
  const solver = new HighsSolver();

  it('drops the basis and solves the round afresh, reaching the same optimum', async () => {
    const { model, pricing } = miniModel();
    const whole = await solver.solve(model, { relaxation: true, timeLimitSeconds: 60, mipRelGap: 0 });
    const real = await solver.openLp(model, pricing.seed);
    const calls: string[] = [];
    // The second solve (the first warm one) stalls; everything else is the real session.
    const stalling: LpSession = {
      addColumns: (columns) => real.addColumns(columns),
      setColumnBounds: (positions, lower, upper) => real.setColumnBounds(positions, lower, upper),
      solve: (seconds, iterations) => {
        calls.push(iterations === undefined ? 'solve' : 'warm solve');
        const result = real.solve(seconds, iterations);
        return calls.length === 2 ? { ...result, status: 'iteration_limit' } : result;
      },
      restart: () => {
        calls.push('restart');
        real.restart();
      },
      close: () => real.close(),
    };
    const priced = solveLpByPricing(model, stalling, pricing, {
      timeLimitSeconds: 60,
      boundGap: 0,
      perFamily: 1,
    });
    stalling.close();

    expect(calls.slice(0, 4)).toEqual(['solve', 'warm solve', 'restart', 'solve']);
    expect(priced.converged).toBe(true);
    expect(Math.abs(priced.objective - whole.objective)).toBeLessThan(1e-6 * Math.abs(whole.objective));
  });

  it('hands over to the whole LP when a round fails even afresh, and the plan is still optimal', async () => {
    const rotation = miniModel();
    const failing = new HighsSolver();
    failing.openLp = async (model, columns) => {
      const real = await solver.openLp(model, columns);
      return {
        ...real,
        addColumns: (c) => real.addColumns(c),
        setColumnBounds: (positions, lower, upper) => real.setColumnBounds(positions, lower, upper),
        restart: () => real.restart(),
        close: () => real.close(),
        solve: (s) => ({ ...real.solve(s), status: 'error' }),
      };
    };
    const options = {
      timeLimitSeconds: 60,
      reducedCostThreshold: -1e-7,
      mipRelGap: 1e-4,
      pricing: rotation.pricing,
    };
    const expected = await solveLpGuided(rotation.model, solver, options);
    const fallback = await solveLpGuided(rotation.model, failing, options);

    expect(fallback.lpColumns).toBe(rotation.model.numCols);
    expect(Math.abs(fallback.objective - expected.objective)).toBeLessThan(
      1e-4 * Math.abs(expected.objective),
    );
  });
});

describe(lagrangianBound.name, () => {
  it('is a lower bound on the LP for any duals, and equals the optimum at the optimal duals', async () => {
    const { model } = miniModel();
    const whole = await new HighsSolver().solve(model, {
      relaxation: true,
      timeLimitSeconds: 60,
      mipRelGap: 0,
    });
    const zero = new Float64Array(model.numRows);
    expect(lagrangianBound(model, zero, reducedCostsOf(model, zero))).toBeLessThanOrEqual(whole.objective);

    const session = await new HighsSolver().openLp(model, [...Array(model.numCols).keys()]);
    const optimal = session.solve(60).rowDuals;
    session.close();
    const atOptimum = lagrangianBound(model, optimal, reducedCostsOf(model, optimal));
    expect(Math.abs(atOptimum - whole.objective)).toBeLessThan(1e-5 * Math.abs(whole.objective));
    // Moving the duals away from the optimum only lowers the bound.
    const shaken = optimal.map((y, r) => y + (r % 7 === 0 ? 0.5 : r % 5 === 0 ? -0.3 : 0));
    expect(lagrangianBound(model, shaken, reducedCostsOf(model, shaken))).toBeLessThanOrEqual(
      atOptimum + 1e-6,
    );
  });

  it('keeps the groups as constraints when told their rows: a tighter bound, still below the optimum', async () => {
    const { model, pricing } = miniModel();
    const whole = await new HighsSolver().solve(model, {
      relaxation: true,
      timeLimitSeconds: 60,
      mipRelGap: 0,
    });
    // Duals from an early restricted LP, far from optimal: where the two bounds differ most.
    const session = await new HighsSolver().openLp(model, pricing.seed);
    const early = session.solve(60).rowDuals;
    session.close();
    const reduced = reducedCostsOf(model, early);
    const plain = lagrangianBound(model, early, reduced);
    const grouped = lagrangianBound(model, early, reduced, pricing);

    expect(pricing.capacityRow).toBeDefined();
    expect(grouped).toBeGreaterThan(plain);
    expect(grouped).toBeLessThanOrEqual(whole.objective + 1e-6);
  });

  it('falls back to the plain bound when a capacity row is touched by another family', async () => {
    const { model, pricing } = miniModel();
    const y = new Float64Array(model.numRows).fill(-0.25);
    const reduced = reducedCostsOf(model, y);
    const broken = {
      ...pricing,
      capacityRow: Int32Array.from(pricing.capacityRow!, (r, f) => (f === 1 ? pricing.capacityRow![0] : r)),
    };
    expect(lagrangianBound(model, y, reduced, broken)).toBe(lagrangianBound(model, y, reduced));
  });
});

describe('lazy balance steps', () => {
  const solver = new HighsSolver();

  /** Every round of pricing over all the columns, so that only the lazy steps move the LP. */
  async function lazyRounds(allStepsAtGap?: number) {
    const { model, pricing } = miniModel();
    const all = [...Array(model.numCols).keys()];
    const session = await solver.openLp(model, all);
    const rounds: PricingRound[] = [
      ...pricingRounds(
        model,
        session,
        { ...pricing, seed: all },
        { timeLimitSeconds: 60, perFamily: 1, allStepsAtGap },
      ),
    ];
    session.close();
    const whole = await solver.solve(model, { relaxation: true, timeLimitSeconds: 60, mipRelGap: 0 });
    return { model, pricing, rounds, whole };
  }

  it('start with the first step widened over the later ones, refine where it carries more than a unit, and end at the model optimum', async () => {
    const { model, pricing, rounds, whole } = await lazyRounds();
    const last = rounds[rounds.length - 1];

    expect(pricing.lazySteps!.length).toBeGreaterThan(0);
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds[0].exact).toBe(false);
    expect(last.converged && last.exact).toBe(true);
    expect(Math.abs(last.objective - whole.objective)).toBeLessThan(1e-6 * Math.abs(whole.objective));
    // The lazy LP is a relaxation: its bounds hold for the model, and its points are the model's.
    for (const round of rounds) {
      expect(round.bound).toBeLessThanOrEqual(whole.objective + 1e-6);
      expect(round.objective).toBeGreaterThanOrEqual(whole.objective - 1e-6);
    }
    // A widened step's units are reported spread over its chain: every value a round reports is within the model's bounds.
    for (const { steps } of pricing.lazySteps!) {
      for (const c of steps)
        for (const round of rounds) expect(round.values[c]).toBeLessThanOrEqual(model.colUpper[c] + 1e-9);
    }
  });

  it('go exact all at once when the LP is close enough, with the same optimum', async () => {
    const { rounds, whole } = await lazyRounds(Infinity);
    const last = rounds[rounds.length - 1];

    expect(rounds.length).toBe(2);
    expect(last.converged && last.exact).toBe(true);
    expect(Math.abs(last.objective - whole.objective)).toBeLessThan(1e-6 * Math.abs(whole.objective));
  });
});
