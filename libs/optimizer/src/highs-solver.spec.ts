import { buildCountyContext } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import { HighsSolver } from './highs-solver';
import { buildRotationModel } from './rotation-model';
import type { SolveOptions } from './solver';

describe(HighsSolver.name, () => {
  const snapshot = generateCounty('mini', 3);
  const context = buildCountyContext(snapshot);
  const { model } = buildRotationModel(
    context,
    snapshot.schools.map((s) => s.code),
    balanceTargets(context),
  );
  const mip: SolveOptions = { relaxation: false, timeLimitSeconds: 60, mipRelGap: 1e-4 };
  const solver = new HighsSolver();

  describe('solve with a work limit', () => {
    it('stops past its LP iterations at the first plan it may accept, and says so', async () => {
      const free = await solver.solve(model, mip);
      const limited = await solver.solve(model, {
        ...mip,
        workLimit: { lpIterations: 0, acceptAt: Infinity, anyPlanAfter: Infinity },
      });

      expect(free.status).toBe('optimal');
      expect(limited.status).toBe('iteration_limit');
      expect(limited.objective).toBeGreaterThan(free.objective);
      expect(limited.values).toHaveLength(model.numCols);
    });

    it('goes on to its gap while no plan is good enough and the hard limit is not reached', async () => {
      const free = await solver.solve(model, mip);
      const limited = await solver.solve(model, {
        ...mip,
        workLimit: { lpIterations: 0, acceptAt: free.objective - 1, anyPlanAfter: Infinity },
      });

      expect(limited.status).toBe('optimal');
      expect(limited.objective).toBeCloseTo(free.objective, 6);
    });

    it('stops at any plan past the hard limit', async () => {
      const limited = await solver.solve(model, {
        ...mip,
        workLimit: { lpIterations: Infinity, acceptAt: -Infinity, anyPlanAfter: 0 },
      });

      expect(limited.status).toBe('iteration_limit');
      expect(Number.isFinite(limited.objective)).toBe(true);
    });
  });
});
