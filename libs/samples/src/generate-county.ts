import {
  DEFAULT_POLICY,
  schoolYearStart,
  type CurriculumEntry,
  type Policy,
  type Snapshot,
  type Subject,
  type Teacher,
} from '@tr/domain';
import { curriculumPlan } from './curriculum-plan';
import { stagesOf } from './enrolment';
import { drawHeadKind, viceCount } from './heads';
import { makeNationalId } from './national-id';
import { PreferenceSampler } from './preferences';
import { assertValidPreset, PRESETS, type PresetName, type PresetSpec } from './presets';
import { Rng } from './random';
import { generateSchools, type PlacedSchool } from './school-generator';
import { planStaffing, type SchoolStaffing } from './staffing-plan';
import { generateTeacher, type StaffContext, type TeacherRequest } from './teacher-generator';

/** The school year every sample plans for. */
export const SAMPLE_YEAR = 2026;
export const DEFAULT_SEED = 1;

// Heads usually come from the core subjects.
const HEAD_SUBJECTS: readonly Subject[] = ['chinese', 'math', 'ideology', 'english', 'physics', 'history'];

/**
 * A realistic county snapshot for a preset and seed; the same preset and seed always give a
 * deep-equal snapshot. Pure computation: no I/O, no clock, no Math.random.
 */
export function generateCounty(preset: PresetName | PresetSpec, seed: number = DEFAULT_SEED): Snapshot {
  const spec = typeof preset === 'string' ? PRESETS[preset] : preset;
  if (spec === undefined)
    throw new Error(`unknown preset "${String(preset)}": one of ${Object.keys(PRESETS).join(', ')}`);
  assertValidPreset(spec);
  const rng = new Rng(seed);
  const policy: Policy = { ...DEFAULT_POLICY, year: SAMPLE_YEAR };
  const curriculum = curriculumPlan();
  const placed = generateSchools(spec, rng.fork(1));
  const staffing = planStaffing(placed, curriculum, spec, rng.fork(2));
  const teachers = generateStaff(staffing.schools, curriculum, policy, rng.fork(3));
  return { schools: placed.map((p) => p.school), teachers, curriculum, policy, county: spec.name };
}

function generateStaff(
  staffing: readonly SchoolStaffing[],
  curriculum: readonly CurriculumEntry[],
  policy: Policy,
  rng: Rng,
): Teacher[] {
  const reference = schoolYearStart(policy.year);
  const preferences = new PreferenceSampler(
    staffing.map((s) => s.school),
    policy.max_distance_km,
  );
  const nationalIds = new Set<string>();
  const teachers: Teacher[] = [];
  staffing.forEach(({ school: placed, subjects }, index) => {
    // One stream per school: a change in one school's staff leaves the others' draws alone.
    const schoolRng = rng.fork(index);
    const ctx = staffContext(placed, curriculum, policy, reference);
    for (const request of staffRequests(schoolRng, placed, subjects, teachers.length)) {
      const teacher = generateTeacher(schoolRng, ctx, request);
      while (teacher.nationalId !== undefined && nationalIds.has(teacher.nationalId)) {
        teacher.nationalId = makeNationalId(
          teacher.nationalId.slice(0, 6),
          teacher.birthDate,
          teacher.gender ?? 'F',
          schoolRng.int(0, 499),
        );
      }
      if (teacher.nationalId !== undefined) nationalIds.add(teacher.nationalId);
      teacher.preferences = preferences.draw(schoolRng, placed.school.code);
      teachers.push(teacher);
    }
  });
  return teachers;
}

function staffContext(
  placed: PlacedSchool,
  curriculum: readonly CurriculumEntry[],
  policy: Policy,
  reference: string,
): StaffContext {
  const stages = stagesOf(placed.school.type);
  return {
    school: placed.school,
    areaCode: placed.county.spec.areaCode,
    taught: new Set(curriculum.filter((c) => stages.includes(c.stage)).map((c) => c.subject)),
    reference,
    retirementAge: { M: policy.retirement_age_male, F: policy.retirement_age_female },
  };
}

/** Ids and roles for a school's staff: one principal and one or two vice principals from core subjects. */
function staffRequests(
  rng: Rng,
  placed: PlacedSchool,
  subjects: readonly Subject[],
  firstIndex: number,
): TeacherRequest[] {
  const special = placed.school.type === 'special';
  const heads = 1 + viceCount(special, subjects.length);
  const order = subjects
    .map((subject, i) => ({ i, rank: HEAD_SUBJECTS.includes(subject) ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.i);
  const roleOf = new Map<number, 'principal' | 'vice_principal'>();
  order
    .slice(0, Math.min(heads, subjects.length))
    .forEach((i, k) => roleOf.set(i, k === 0 ? 'principal' : 'vice_principal'));
  return subjects.map((subject, i) => {
    const role = roleOf.get(i) ?? 'teacher';
    return {
      id: `T${String(firstIndex + i + 1).padStart(6, '0')}`,
      subject,
      role,
      headKind: role === 'teacher' ? undefined : drawHeadKind(rng),
    };
  });
}
