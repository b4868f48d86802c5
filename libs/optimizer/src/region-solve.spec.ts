import { buildCountyContext } from '@tr/domain';
import { balanceTargets } from './balance-targets';
import { HighsSolver } from './highs-solver';
import { solveRegion } from './region-solve';
import { heldBackCounty } from './testing/held-back-county';

/** Solves the county's one region, counting the solves (one backend each). */
async function solveCounting() {
  const snapshot = heldBackCounty();
  const context = buildCountyContext(snapshot);
  const solvers: HighsSolver[] = [];
  const outcome = await solveRegion(
    context,
    balanceTargets(context),
    snapshot.schools.map((s) => s.code),
    { solver: 'highs', timeLimitSeconds: 60, reducedCostThreshold: 1, mipRelGap: 3e-3 },
    undefined,
    () => {
      const solver = new HighsSolver();
      solvers.push(solver);
      return solver;
    },
  );
  return { outcome, solves: solvers.length };
}

describe(solveRegion.name, () => {
  it('solves again to free a teacher held back beside a head who stayed', async () => {
    const { outcome, solves } = await solveCounting();
    expect(solves).toBe(2);
    expect(outcome.status).toBe('optimal');
    expect(outcome.moves).toHaveLength(1);
    expect(['A-1', 'B-1']).toContain(outcome.moves[0].teacherId);
  });
});
