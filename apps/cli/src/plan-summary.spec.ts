import { optimizePlan } from '@tr/optimizer';
import { generateCounty } from '@tr/samples';
import type { Plan } from '@tr/domain';
import { planSummary, solverStop } from './plan-summary';

describe(solverStop.name, () => {
  const solver = (status: string): Plan['plan']['solver'] => ({
    name: 'highs',
    version: '1.15.3',
    objective: 100.4,
    lp_bound: 100,
    gap: 0.0043,
    status,
  });

  it('says nothing about an optimal solve', () => {
    expect(solverStop(solver('optimal'))).toBeUndefined();
  });

  it('words a stop at the work limit or the time limit in Chinese and English, with the gap', () => {
    expect(solverStop(solver('iteration_limit'))).toMatch(
      /^⚠ 求解器在计算量上限处停止.*0\.430%.*work limit.*0\.430%/,
    );
    expect(solverStop(solver('time_limit'))).toMatch(
      /^⚠ 求解器在时间上限处停止.*0\.430%.*time limit.*0\.430%/,
    );
    expect(solverStop(solver('error'))).toContain('solver status: error');
  });
});

describe(planSummary.name, () => {
  it('adds the solver stop to the summary of a plan that has one, and not otherwise', async () => {
    const { plan } = await optimizePlan(generateCounty('mini', 1));
    expect(plan.plan.solver.status).toBe('optimal');
    expect(planSummary(plan)).not.toContain('⚠ 求解器');
    const stopped: Plan = {
      ...plan,
      plan: { ...plan.plan, solver: { ...plan.plan.solver, status: 'iteration_limit' } },
    };
    expect(planSummary(stopped)).toContain('the solver stopped at its work limit');
  });
});
