import {
  buildCountyContext,
  DEFAULT_POLICY,
  isHead,
  planMetrics,
  snapshotHash,
  type CurriculumEntry,
  type Plan,
  type PlanFlag,
  type PlanHeader,
  type PlanMove,
  type Policy,
  type School,
  type Snapshot,
  type Stage,
  type Subject,
  type Teacher,
} from '@tr/domain';

/**
 * Builders for small snapshots and plans in tests, with defaults that make sense on their own:
 * a default teacher meets the exchange conditions under the default policy, a default school has
 * pupils and classes for its type, and a plan built with `makePlan` carries the snapshot's policy
 * and metrics computed by the domain. Override only what a test is about.
 */

/** The school year of test snapshots; ages and years at school are reckoned on 2026-09-01. */
export const TEST_YEAR = 2026;

export function makePolicy(overrides: Partial<Policy> = {}): Policy {
  return { ...DEFAULT_POLICY, year: TEST_YEAR, ...overrides };
}

/** A school with pupils and classes for its type (primary 8 classes of 45, junior 6 of 50). */
export function makeSchool(code: string, overrides: Partial<School> = {}): School {
  const type = overrides.type ?? 'primary';
  const primary = type === 'primary' || type === 'nine_year' || type === 'special';
  const junior = type === 'junior' || type === 'nine_year';
  return {
    code,
    name: `测试学校${code}`,
    type,
    area: 'urban',
    remote: false,
    pupilsPrimary: primary ? (type === 'special' ? 60 : 360) : 0,
    pupilsJunior: junior ? 300 : 0,
    classesPrimary: primary ? (type === 'special' ? 6 : 8) : 0,
    classesJunior: junior ? 6 : 0,
    ...overrides,
  };
}

/**
 * A teacher who meets the exchange conditions under `makePolicy()`: a woman of 41 on 2026-09-01,
 * 14 years at the school, active, not backbone, teaching Chinese.
 */
export function makeTeacher(id: string, schoolCode: string, overrides: Partial<Teacher> = {}): Teacher {
  return {
    id,
    name: `教师${id}`,
    gender: 'F',
    birthDate: '1985-03-15',
    schoolCode,
    subject: 'chinese',
    extraSubjects: [],
    title: 'first',
    backbone: 'none',
    degree: 'required',
    hiredOn: '2008-09-01',
    atSchoolSince: '2012-09-01',
    status: 'active',
    role: 'teacher',
    termsAsHead: 0,
    preferences: [],
    ...overrides,
  };
}

/** `count` teachers at a school, ids `<school>-<prefix><n>` numbered from 1. */
export function makeTeachers(
  count: number,
  schoolCode: string,
  overrides: Partial<Teacher> = {},
  prefix: string = overrides.subject ?? 'chinese',
): Teacher[] {
  return Array.from({ length: count }, (_, i) =>
    makeTeacher(`${schoolCode}-${prefix}${i + 1}`, schoolCode, overrides),
  );
}

/** Arrives at the current school in 2024: too few years there to meet the exchange conditions. */
export const NEWCOMER: Partial<Teacher> = { atSchoolSince: '2024-09-01' };

export function makeCurriculumEntry(
  stage: Stage,
  subject: Subject,
  periodsPerClassWeek: number,
  fullLoadPeriods: number,
): CurriculumEntry {
  return { stage, subject, periodsPerClassWeek, fullLoadPeriods };
}

/**
 * A small curriculum with round numbers: per primary class, Chinese ½ FTE, maths ⅜, music ⅛;
 * per junior class, Chinese and maths ⅓, English ¼, PE ⅙.
 */
export const SMALL_CURRICULUM: readonly CurriculumEntry[] = [
  makeCurriculumEntry('primary', 'chinese', 8, 16),
  makeCurriculumEntry('primary', 'math', 6, 16),
  makeCurriculumEntry('primary', 'music', 2, 16),
  makeCurriculumEntry('junior', 'chinese', 4, 12),
  makeCurriculumEntry('junior', 'math', 4, 12),
  makeCurriculumEntry('junior', 'english', 3, 12),
  makeCurriculumEntry('junior', 'pe', 2, 12),
];

export function makeSnapshot(parts: {
  schools: School[];
  teachers: Teacher[];
  curriculum?: readonly CurriculumEntry[];
  policy?: Partial<Policy>;
  county?: string;
}): Snapshot {
  return {
    schools: parts.schools,
    teachers: parts.teachers,
    curriculum: [...(parts.curriculum ?? SMALL_CURRICULUM)],
    policy: makePolicy(parts.policy),
    county: parts.county ?? '测试县',
  };
}

/**
 * A move of `teacher` from their school to `toSchool`, teaching their main subject, as a rotation for
 * the default term; a principal or vice principal carries their role.
 */
export function makeMove(teacher: Teacher, toSchool: string, overrides: Partial<PlanMove> = {}): PlanMove {
  const move: PlanMove = {
    teacher_id: teacher.id,
    from_school: teacher.schoolCode,
    to_school: toSchool,
    subject: teacher.subject,
    kind: 'rotation',
    term_years: DEFAULT_POLICY.rotation_term_years,
    reasons: [`test move of ${teacher.id} to ${toSchool}`],
    reasons_zh: [`测试调动：${teacher.id} 调往 ${toSchool}`],
  };
  if (isHead(teacher)) move.role = teacher.role as Exclude<Teacher['role'], 'teacher'>;
  return { ...move, ...overrides };
}

export function makeFlag(rule: string, detail?: PlanFlag['detail']): PlanFlag {
  return { rule, message: `relaxes ${rule}`, message_zh: `放宽 ${rule}`, ...(detail ? { detail } : {}) };
}

/** A plan of `moves` on `snapshot`, with the snapshot's year and policy and the domain's metrics. */
export function makePlan(
  snapshot: Snapshot,
  moves: PlanMove[],
  options: { flags?: PlanFlag[]; header?: Partial<PlanHeader> } = {},
): Plan {
  const context = buildCountyContext(snapshot);
  return {
    plan: {
      id: 'test-plan',
      county: snapshot.county,
      year: snapshot.policy.year,
      status: 'draft',
      policy: { ...snapshot.policy },
      snapshot_hash: snapshotHash(snapshot),
      solver: { name: 'test', version: '0', objective: 0, lp_bound: 0, gap: 0, status: 'optimal' },
      flags: options.flags ?? [],
      ...options.header,
    },
    moves,
    metrics: { before: planMetrics(context, []), after: planMetrics(context, moves) },
  };
}

/** Looks a teacher up by id, failing loudly in a test that names one that isn't there. */
export function teacherById(snapshot: Snapshot, id: string): Teacher {
  const teacher = snapshot.teachers.find((t) => t.id === id);
  if (!teacher) throw new Error(`no teacher ${id} in the test snapshot`);
  return teacher;
}
