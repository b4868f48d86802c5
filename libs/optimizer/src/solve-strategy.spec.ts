import { buildCountyContext } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import { HighsSolver } from './highs-solver';
import type { LinearModel } from './linear-model';
import { buildRotationModel } from './rotation-model';
import type { SolveOptions, SolveResult } from './solver';
import { solveLpGuided, type StrategyOptions } from './solve-strategy';

function sampleRotation(preset: 'mini' | 'dengfeng' = 'mini') {
  const snapshot = generateCounty(preset, 3);
  const context = buildCountyContext(snapshot);
  return buildRotationModel(
    context,
    snapshot.schools.map((s) => s.code),
    balanceTargets(context),
  );
}

/**
 * HiGHS, remembering the MIPs it was given. `first: 'infeasible'` makes the first MIP come back
 * infeasible; `first: 'poor'` makes its plan look 5% worse than it is, too much to be proven.
 */
class RecordingSolver extends HighsSolver {
  readonly mips: LinearModel[] = [];
  constructor(private readonly first?: 'infeasible' | 'poor') {
    super();
  }
  override async solve(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    if (options.relaxation) return super.solve(model, options);
    this.mips.push(model);
    if (this.first === 'infeasible' && this.mips.length === 1)
      return {
        status: 'infeasible',
        objective: Infinity,
        bound: -Infinity,
        values: new Float64Array(model.numCols),
        seconds: 0,
      };
    const result = await super.solve(model, options);
    return this.first === 'poor' && this.mips.length === 1
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

  it('falls back to the MIP over every step, without lower bounds, when that MIP fails', async () => {
    const solver = new RecordingSolver('infeasible');
    const result = await solveLpGuided(rotation.model, solver, options);

    const [lean, fallback] = solver.mips;
    expect(fallback.numCols).toBeGreaterThan(lean.numCols);
    expect(fallback.colLower.every((lower, c) => !fallback.integer[c] || lower === 0)).toBe(true);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeGreaterThanOrEqual(result.lpBound);
  });

  it('solves a second MIP over the columns of the next round when the first plan is not proven', async () => {
    // A county large enough for the first MIP to come before the LP has settled.
    const county = sampleRotation('dengfeng');
    const solver = new RecordingSolver('poor');
    const result = await solveLpGuided(county.model, solver, {
      ...options,
      pricing: county.pricing,
      mipRelGap: 3e-3,
    });

    expect(solver.mips.length).toBeGreaterThanOrEqual(2);
    expect(result.objective).toBeGreaterThanOrEqual(result.lpBound);
    expect((result.objective - result.lpBound) / result.objective).toBeLessThan(0.05);
  });
});
