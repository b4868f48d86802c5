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
  it('validates 100,000 teachers and 20,000 moves in well under a few seconds', () => {
    const { snapshot, plan } = prefecture();
    const started = performance.now();
    const report = validatePlan(snapshot, plan, { checkMetrics: true });
    const elapsed = performance.now() - started;
    expect(report.violations).toEqual([]);
    // About 1.5 s on a busy 2-core machine, most of it the domain's buildCountyContext; the bound leaves room.
    expect(elapsed).toBeLessThan(5000);
  });
});
