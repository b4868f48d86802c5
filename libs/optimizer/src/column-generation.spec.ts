import { buildCountyContext } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import { lagrangianBound, reducedCostsOf, solveLpByPricing } from './column-generation';
import { HighsSolver } from './highs-solver';
import { buildRotationModel, type RotationModel } from './rotation-model';

function miniModel(): RotationModel {
  const snapshot = generateCounty('mini', 3);
  const context = buildCountyContext(snapshot);
  return buildRotationModel(context, snapshot.schools.map((s) => s.code), balanceTargets(context));
}

describe(solveLpByPricing.name, () => {
  const solver = new HighsSolver();

  it('reaches the optimum of the whole LP from a fraction of its columns', async () => {
    const { model, pricing } = miniModel();
    const whole = await solver.solve(model, { relaxation: true, timeLimitSeconds: 60, mipRelGap: 0 });
    const session = await solver.openLp(model, pricing.seed);
    const priced = solveLpByPricing(model, session, pricing, { timeLimitSeconds: 60, boundGap: 0, perFamily: 1 });
    session.close();

    expect(pricing.seed.length).toBeLessThan(model.numCols);
    expect(priced.round).toBeGreaterThan(1);
    expect(priced.converged).toBe(true);
    expect(priced.status).toBe('optimal');
    expect(Math.abs(priced.objective - whole.objective)).toBeLessThan(1e-6 * Math.abs(whole.objective));
    expect(priced.bound).toBe(priced.objective);
    // No column at its lower bound, which every column left out of the final LP is, would lower the objective.
    for (let c = 0; c < model.numCols; c++) {
      if (priced.values[c] === model.colLower[c]) expect(priced.reducedCosts[c]).toBeGreaterThan(-1e-6);
    }
  });

  it('stops early, once its bound proves the restricted LP close enough, and the bound is below the optimum', async () => {
    const { model, pricing } = miniModel();
    const whole = await solver.solve(model, { relaxation: true, timeLimitSeconds: 60, mipRelGap: 0 });
    const session = await solver.openLp(model, pricing.seed);
    const priced = solveLpByPricing(model, session, pricing, { timeLimitSeconds: 60, boundGap: 0.05, perFamily: 1 });
    session.close();

    expect(priced.bound).toBeLessThanOrEqual(whole.objective + 1e-6);
    expect(priced.objective).toBeGreaterThanOrEqual(whole.objective - 1e-6);
    expect(priced.objective - priced.bound).toBeLessThanOrEqual(0.05 * Math.abs(priced.objective));
  });

  it('refuses a seed that leaves out a column no family can bring back', async () => {
    const { model, pricing } = miniModel();
    const seed = pricing.seed.filter((c) => pricing.family[c] >= 0 || c !== pricing.seed[pricing.seed.length - 1]);
    const session = await solver.openLp(model, seed);
    expect(() => solveLpByPricing(model, session, { ...pricing, seed }, { timeLimitSeconds: 60, boundGap: 0, perFamily: 1 })).toThrow(/no family/);
    session.close();
  });
});

describe(lagrangianBound.name, () => {
  it('is a lower bound on the LP for any duals, and equals the optimum at the optimal duals', async () => {
    const { model } = miniModel();
    const whole = await new HighsSolver().solve(model, { relaxation: true, timeLimitSeconds: 60, mipRelGap: 0 });
    const zero = new Float64Array(model.numRows);
    expect(lagrangianBound(model, zero, reducedCostsOf(model, zero))).toBeLessThanOrEqual(whole.objective);

    const session = await new HighsSolver().openLp(model, [...Array(model.numCols).keys()]);
    const optimal = session.solve(60).rowDuals;
    session.close();
    const atOptimum = lagrangianBound(model, optimal, reducedCostsOf(model, optimal));
    expect(Math.abs(atOptimum - whole.objective)).toBeLessThan(1e-5 * Math.abs(whole.objective));
    // Moving the duals away from the optimum only lowers the bound.
    const shaken = optimal.map((y, r) => y + (r % 7 === 0 ? 0.5 : r % 5 === 0 ? -0.3 : 0));
    expect(lagrangianBound(model, shaken, reducedCostsOf(model, shaken))).toBeLessThanOrEqual(atOptimum + 1e-6);
  });
});
