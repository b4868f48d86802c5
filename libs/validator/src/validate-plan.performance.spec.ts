import type { PlanMove, Teacher } from '@tr/domain';
import { makeMove, makePlan, makeSchool, makeSnapshot, makeTeacher } from './testing/snapshot-factory';
import { validatePlan } from './validate-plan';

/**
 * A prefecture-sized county: 1,000 schools of 100 teachers, 20,000 moves. Each school sends 20
 * teachers to the next school and receives 20 of the same subjects from the previous one.
 */
function prefecture() {
  const schools = Array.from({ length: 1000 }, (_, s) =>
    makeSchool(`S${s}`, { classesPrimary: 20, pupilsPrimary: 900, lat: 34 + s * 0.0002, lng: 113 }),
  );
  const subjects = ['chinese', 'math', 'music'] as const;
  const teachers: Teacher[] = [];
  const moving: Teacher[] = [];
  for (let s = 0; s < schools.length; s++) {
    for (let i = 0; i < 100; i++) {
      const teacher = makeTeacher(`T${s}-${i}`, `S${s}`, {
        subject: subjects[i % 3],
        backbone: i % 4 === 0 ? 'county' : 'none',
      });
      teachers.push(teacher);
      if (i < 20) moving.push(teacher);
    }
  }
  const snapshot = makeSnapshot({ schools, teachers });
  const moves: PlanMove[] = moving.map((t) =>
    makeMove(t, `S${(Number(t.schoolCode.slice(1)) + 1) % schools.length}`),
  );
  return { snapshot, plan: makePlan(snapshot, moves) };
}

describe(`${validatePlan.name} at scale`, () => {
  // Its speed is measured by the benchmark (`npm run bench`, validateSeconds in bench/results), not here.
  it('validates 100,000 teachers and 20,000 moves, metrics included, and finds nothing wrong', () => {
    const { snapshot, plan } = prefecture();
    const report = validatePlan(snapshot, plan, { checkMetrics: true });
    expect(report.violations).toEqual([]);
    expect(plan.moves).toHaveLength(20_000);
  });
});
