import { curriculumPlan } from './curriculum-plan';

describe(curriculumPlan.name, () => {
  const plan = curriculumPlan();
  const stage = (s: 'primary' | 'junior') => plan.filter((e) => e.stage === s);

  it('lists every subject each stage teaches', () => {
    const primary = [
      'chinese',
      'math',
      'english',
      'ideology',
      'science',
      'pe',
      'music',
      'art',
      'it',
      'labour',
      'integrated_practice',
      'psychology',
    ];
    const junior = [
      ...primary.filter((s) => s !== 'science'),
      'history',
      'geography',
      'physics',
      'chemistry',
      'biology',
    ];
    expect(
      stage('primary')
        .map((e) => e.subject)
        .sort(),
    ).toEqual(primary.sort());
    expect(
      stage('junior')
        .map((e) => e.subject)
        .sort(),
    ).toEqual(junior.sort());
  });

  it('comes close to the 2022 plan’s week: 26–30 periods in primary, 34 in junior', () => {
    const week = (s: 'primary' | 'junior') => stage(s).reduce((sum, e) => sum + e.periodsPerClassWeek, 0);
    expect(week('primary')).toBeGreaterThan(27);
    expect(week('primary')).toBeLessThan(29.5);
    expect(week('junior')).toBeGreaterThan(32);
    expect(week('junior')).toBeLessThan(34.5);
  });

  it('uses full loads of 14–16 periods in primary and 12–14 in junior', () => {
    for (const e of stage('primary')) expect(e.fullLoadPeriods).toBeGreaterThanOrEqual(14);
    for (const e of stage('primary')) expect(e.fullLoadPeriods).toBeLessThanOrEqual(16);
    for (const e of stage('junior')) expect(e.fullLoadPeriods).toBeGreaterThanOrEqual(12);
    for (const e of stage('junior')) expect(e.fullLoadPeriods).toBeLessThanOrEqual(14);
  });
});
