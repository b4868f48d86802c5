import {
  AREAS,
  assessEligibility,
  fullYearsBetween,
  groupBySchool,
  PE_ARTS_SUBJECTS,
  schoolYearStart,
  subjectNeed,
  type Area,
  type SchoolType,
  type Snapshot,
  type TeacherStatus,
} from '@tr/domain';

/** Headline numbers of a sample, to check it against its preset and to report on it. */
export interface SampleSummary {
  schools: number;
  schoolsByType: Record<SchoolType, number>;
  schoolsByArea: Record<Area, number>;
  teachers: number;
  pupils: { primary: number; junior: number; special: number; total: number };
  /** Teachers meeting the exchange conditions under the snapshot's policy. */
  eligible: number;
  eligibleShare: number;
  /** Teachers six or more years at their school, whatever else. */
  sixYearsShare: number;
  statusShare: Record<TeacherStatus, number>;
  headsDueToRotate: number;
  heads: number;
  byArea: Record<
    Area,
    {
      /** Teachers ÷ curriculum need (FTE) over the area's schools. */
      supplyOverNeed: number;
      pupilsPerTeacher: number;
      backboneShare: number;
      degreeAboveShare: number;
      meanAge: number;
      /** Music, PE and art teachers per class. */
      peArtsPerClass: number;
    }
  >;
}

export function summarizeSample(snapshot: Snapshot): SampleSummary {
  const { schools, teachers, policy, curriculum } = snapshot;
  const reference = schoolYearStart(policy.year);
  const bySchool = groupBySchool(teachers);
  const count = <K extends string>(keys: readonly K[], of: (k: K) => number): Record<K, number> =>
    Object.fromEntries(keys.map((k) => [k, of(k)])) as Record<K, number>;

  const byArea = count(AREAS, () => 0) as unknown as SampleSummary['byArea'];
  for (const area of AREAS) {
    const inArea = schools.filter((s) => s.area === area && s.type !== 'special');
    const staff = inArea.flatMap((s) => bySchool.get(s.code) ?? []);
    const need = inArea.reduce(
      (sum, s) => sum + Object.values(subjectNeed(s, curriculum)).reduce((a, b) => a + (b ?? 0), 0),
      0,
    );
    const pupils = inArea.reduce((sum, s) => sum + s.pupilsPrimary + s.pupilsJunior, 0);
    const classes = inArea.reduce((sum, s) => sum + s.classesPrimary + s.classesJunior, 0);
    const n = Math.max(1, staff.length);
    byArea[area] = {
      supplyOverNeed: need > 0 ? staff.length / need : 0,
      pupilsPerTeacher: pupils / n,
      backboneShare: staff.filter((t) => t.backbone !== 'none').length / n,
      degreeAboveShare: staff.filter((t) => t.degree === 'above').length / n,
      meanAge: staff.reduce((sum, t) => sum + fullYearsBetween(t.birthDate, reference), 0) / n,
      peArtsPerClass: classes > 0 ? staff.filter((t) => PE_ARTS_SUBJECTS.has(t.subject)).length / classes : 0,
    };
  }

  const assessed = teachers.map((t) => assessEligibility(t, policy));
  const eligible = assessed.filter((e) => e.eligible).length;
  const total = Math.max(1, teachers.length);
  const special = schools.filter((s) => s.type === 'special');
  const ordinary = schools.filter((s) => s.type !== 'special');
  const pupils = {
    primary: ordinary.reduce((sum, s) => sum + s.pupilsPrimary, 0),
    junior: ordinary.reduce((sum, s) => sum + s.pupilsJunior, 0),
    special: special.reduce((sum, s) => sum + s.pupilsPrimary + s.pupilsJunior, 0),
    total: 0,
  };
  pupils.total = pupils.primary + pupils.junior + pupils.special;
  const heads = teachers.filter((t) => t.role !== 'teacher');
  return {
    schools: schools.length,
    schoolsByType: count(
      ['primary', 'junior', 'nine_year', 'special'],
      (k) => schools.filter((s) => s.type === k).length,
    ),
    schoolsByArea: count(AREAS, (k) => schools.filter((s) => s.area === k).length),
    teachers: teachers.length,
    pupils,
    eligible,
    eligibleShare: eligible / total,
    sixYearsShare: assessed.filter((e) => e.yearsAtSchool >= policy.min_years_at_school).length / total,
    statusShare: count(
      ['active', 'maternity', 'sick', 'training', 'service_period', 'on_rotation'],
      (k) => teachers.filter((t) => t.status === k).length / total,
    ),
    headsDueToRotate: assessed.filter((e) => e.headDueToRotate).length,
    heads: heads.length,
    byArea,
  };
}
