import { buildCountyContext } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import { solveLpByPricing } from './column-generation';
import { HighsSolver } from './highs-solver';
import { JlpSolver } from './jlp-solver';
import { isIntegral, LinearModelBuilder, type LinearModel } from './linear-model';
import { diveToIntegral } from './lp-dive';
import { buildRotationModel } from './rotation-model';

/** Largest amount by which `values` break a row or column bound of the model. */
function worstViolation(model: LinearModel, values: Float64Array): number {
  const activity = new Float64Array(model.numRows);
  let worst = 0;
  for (let c = 0; c < model.numCols; c++) {
    worst = Math.max(worst, model.colLower[c] - values[c], values[c] - model.colUpper[c]);
    for (let k = model.colStart[c]; k < model.colStart[c + 1]; k++)
      activity[model.rowIndex[k]] += model.value[k] * values[c];
  }
  for (let r = 0; r < model.numRows; r++)
    worst = Math.max(worst, model.rowLower[r] - activity[r], activity[r] - model.rowUpper[r]);
  return worst;
}

async function lpOptimum(model: LinearModel): Promise<Float64Array> {
  const lp = await new HighsSolver().solve(model, { relaxation: true, timeLimitSeconds: 10, mipRelGap: 0 });
  return lp.values;
}

describe(diveToIntegral.name, () => {
  it('rounds an LP optimum to whole numbers, trying the other side of a column that cannot take its nearest', async () => {
    // max 3x + 2y + z with 2x + 2y + 2z ≤ 5, x, y, z ∈ {0, 1, 2}: the LP takes x = 2, y = 0.5. Rounding y up
    // breaks the row, so the dive rounds it down.
    const b = new LinearModelBuilder();
    const row = b.row('capacity', -Infinity, 5);
    b.column('x', -3, 0, 2, true, [[row, 2]]);
    b.column('y', -2, 0, 2, true, [[row, 2]]);
    b.column('z', -1, 0, 2, true, [[row, 2]]);
    const model = b.build();
    const lp = await lpOptimum(model);
    expect(Array.from(lp)).toEqual([2, 0.5, 0]);

    const dived = await diveToIntegral(model, new HighsSolver(), lp, { timeLimitSeconds: 10 });

    expect(dived).toBeDefined();
    expect(Array.from(dived!.values)).toEqual([2, 0, 0]);
    expect(dived!.objective).toBe(-6);
    expect(dived!.lpSolves).toBe(3);
  });

  it('gives up when a column can take neither whole number around its value', async () => {
    const b = new LinearModelBuilder();
    const half = b.row('half', 1, 1);
    b.column('x', -1, 0, 1, true, [[half, 2]]);
    const model = b.build();

    const dived = await diveToIntegral(model, new HighsSolver(), Float64Array.of(0.5), {
      timeLimitSeconds: 10,
    });

    expect(dived).toBeUndefined();
  });

  it('needs a backend with LP sessions', async () => {
    const b = new LinearModelBuilder();
    b.column('x', 1, 0, 1, true, []);
    expect(
      await diveToIntegral(b.build(), new JlpSolver(), Float64Array.of(0), { timeLimitSeconds: 10 }),
    ).toBe(undefined);
  });

  it('rounds a sample county’s LP to a plan of the model, a little above the LP', async () => {
    const snapshot = generateCounty('dengfeng', 3);
    const context = buildCountyContext(snapshot);
    const rotation = buildRotationModel(
      context,
      snapshot.schools.map((s) => s.code),
      balanceTargets(context),
    );
    const solver = new HighsSolver();
    const session = await solver.openLp(rotation.model, rotation.pricing.seed);
    const lp = solveLpByPricing(rotation.model, session, rotation.pricing, {
      timeLimitSeconds: 60,
      perFamily: 2,
      allStepsAtGap: 3e-3,
      boundGap: 0,
    });
    session.close();
    expect(lp.converged).toBe(true);
    expect(isIntegral(rotation.model, lp.values)).toBe(false);

    const dived = await diveToIntegral(rotation.model, solver, lp.values, {
      timeLimitSeconds: 60,
      family: rotation.pricing.family,
    });

    expect(dived).toBeDefined();
    expect(isIntegral(rotation.model, dived!.values)).toBe(true);
    expect(worstViolation(rotation.model, dived!.values)).toBeLessThan(1e-6);
    const cost = rotation.model.colCost.reduce((sum, c, i) => sum + c * dived!.values[i], 0);
    expect(cost).toBeCloseTo(dived!.objective, 4);
    expect(dived!.objective).toBeGreaterThanOrEqual(lp.objective - 1e-6);
    expect(dived!.objective).toBeLessThan(lp.objective * 1.01);
  });
});
