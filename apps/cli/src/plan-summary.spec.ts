import { optimizePlan } from '@tr/optimizer';
import { generateCounty } from '@tr/samples';
import type { Plan } from '@tr/domain';
import {
  makeMove,
  makePlan,
  makeSchool,
  makeSnapshot,
  makeTeacher,
} from '@tr/validator/testing/snapshot-factory';
import { planSummary, solverStop, unmeasuredMoves } from './plan-summary';

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

describe(unmeasuredMoves.name, () => {
  const teacher = makeTeacher('A-1', 'A');

  it('counts the moves that touch a school without coordinates, in Chinese and English', () => {
    const snapshot = makeSnapshot({
      schools: [makeSchool('A', { lat: 34.4, lng: 113.0 }), makeSchool('B')],
      teachers: [teacher],
    });
    expect(unmeasuredMoves(snapshot, makePlan(snapshot, [makeMove(teacher, 'B')]))).toBe(
      '⚠ 1 项交流涉及没有坐标的学校，未按 60 公里的距离上限核查 / 1 move(s) involve a school without coordinates and were not checked against the 60 km limit',
    );
  });

  it('says nothing when every move was measured', () => {
    const snapshot = makeSnapshot({
      schools: [makeSchool('A', { lat: 34.4, lng: 113.0 }), makeSchool('B', { lat: 34.5, lng: 113.1 })],
      teachers: [teacher],
    });
    expect(unmeasuredMoves(snapshot, makePlan(snapshot, [makeMove(teacher, 'B')]))).toBeUndefined();
  });
});
