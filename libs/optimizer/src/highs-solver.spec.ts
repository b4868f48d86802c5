import { buildCountyContext } from '@tr/domain';
import { generateCounty } from '@tr/samples';
import { balanceTargets } from './balance-targets';
import { HighsSolver } from './highs-solver';
import { buildRotationModel } from './rotation-model';
import type { SolveOptions, WorkLimit } from './solver';

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
  /** A work limit that never stops the MIP; each test sets the part it is about. */
  const NO_LIMIT: WorkLimit = {
    lpIterations: Infinity,
    acceptAt: -Infinity,
    ownGap: -Infinity,
    penalty: 0,
    anyPlanAfter: Infinity,
  };

  describe('solve with a work limit', () => {
    it('stops past its LP iterations at the first plan it may accept, and says so', async () => {
      const free = await solver.solve(model, mip);
      const limited = await solver.solve(model, {
        ...mip,
        workLimit: { ...NO_LIMIT, lpIterations: 0, acceptAt: Infinity },
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
        workLimit: { ...NO_LIMIT, lpIterations: 0, acceptAt: free.objective - 1 },
      });

      expect(limited.status).toBe('optimal');
      expect(limited.objective).toBeCloseTo(free.objective, 6);
    });

    it('stops past its LP iterations at a plan proven close enough to its own bound', async () => {
      const free = await solver.solve(model, mip);
      // No plan is ever within 1e-9 of the LP bound below its optimum; any plan is within 100% of its own.
      const limited = await solver.solve(model, {
        ...mip,
        workLimit: { ...NO_LIMIT, lpIterations: 0, acceptAt: free.objective - 1, ownGap: 1 },
      });

      expect(limited.status).toBe('iteration_limit');
      expect(limited.objective).toBeGreaterThan(free.objective);
    });

    it('stops at any plan past the hard limit', async () => {
      const limited = await solver.solve(model, {
        ...mip,
        workLimit: { ...NO_LIMIT, anyPlanAfter: 0 },
      });

      expect(limited.status).toBe('iteration_limit');
      expect(Number.isFinite(limited.objective)).toBe(true);
    });
  });
});
