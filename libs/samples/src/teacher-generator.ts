import type { Gender, IsoDate, Role, School, Subject, Teacher, TeacherStatus } from '@tr/domain';
import { birthDateFor, careerDates, type TenureChoice } from './career-dates';
import { planHead, type HeadKind } from './heads';
import { makeNationalId } from './national-id';
import { personName } from './names';
import type { Rng } from './random';
import {
  AGE_MIX,
  drawBackbone,
  drawDegree,
  drawExtraSubjects,
  drawTitle,
  femaleShare,
} from './teacher-profile';

/** Everything about a school that shapes the teachers generated for it. */
export interface StaffContext {
  school: School;
  /** Area code of the county, for ID numbers. */
  areaCode: string;
  /** Subjects the school's stages teach, for extra subjects. */
  taught: ReadonlySet<Subject>;
  reference: IsoDate;
  retirementAge: Record<Gender, number>;
}

export interface TeacherRequest {
  id: string;
  subject: Subject;
  role: Role;
  headKind?: HeadKind;
}

// Share of the staff with 6+ years of service who have stayed 6+ years at their present school.
const LONG_STAY = { urban: 0.36, town: 0.42, rural: 0.5 };
// Teachers born outside the county carry another area code in their ID number.
const OTHER_AREA_CODES = [
  '410102',
  '410105',
  '410122',
  '410181',
  '410302',
  '410402',
  '411102',
  '411302',
  '412702',
  '130102',
];

export function generateTeacher(rng: Rng, ctx: StaffContext, request: TeacherRequest): Teacher {
  const { school } = ctx;
  const head = request.role !== 'teacher';
  const gender: Gender = rng.chance(head ? 0.4 : femaleShare(school, request.subject)) ? 'F' : 'M';
  const limit = ctx.retirementAge[gender];

  let age: number;
  let tenure: TenureChoice = { longStayShare: LONG_STAY[school.area] };
  let status: TeacherStatus = 'active';
  let termsAsHead = 0;
  if (head) {
    const plan = planHead(rng, request.headKind ?? 'ordinary', gender, limit);
    age = plan.age;
    termsAsHead = plan.termsAsHead;
    tenure = { ...tenure, yearsAtSchool: plan.yearsAtSchool };
  } else {
    age = drawAge(rng, school, limit);
    status = drawStatus(rng, school, gender, age);
    if (status === 'service_period') tenure = { ...tenure, recentHire: true };
    if (status === 'on_rotation') tenure = { ...tenure, yearsAtSchool: rng.float(0.1, 2) };
  }

  const birthDate = birthDateFor(ctx.reference, age, limit);
  const dates = careerDates(rng, ctx.reference, birthDate, tenure);
  const title =
    head && age >= 35 ? (rng.chance(0.35) ? 'senior' : 'first') : drawTitle(rng, age, school.area);
  const areaCode = rng.chance(0.85) ? ctx.areaCode : rng.pick(OTHER_AREA_CODES);
  return {
    id: request.id,
    name: personName(rng, gender),
    gender,
    birthDate: dates.birthDate,
    schoolCode: school.code,
    subject: request.subject,
    extraSubjects: drawExtraSubjects(rng, school, request.subject, ctx.taught),
    title,
    backbone: drawBackbone(rng, age, school.area, head),
    degree: drawDegree(rng, age, school.area),
    hiredOn: dates.hiredOn,
    atSchoolSince: dates.atSchoolSince,
    status,
    role: request.role,
    termsAsHead,
    preferences: [],
    nationalId: makeNationalId(areaCode, dates.birthDate, gender, rng.int(0, 499)),
  };
}

/** Age on the reference date, 23 up to just below retirement; village staff are about ten years older. */
function drawAge(rng: Rng, school: School, limit: number): number {
  const mix = AGE_MIX[school.area];
  if (rng.chance(mix.youngShare)) return rng.float(23, 31);
  for (let attempt = 0; attempt < 50; attempt++) {
    const age = rng.normal(mix.establishedMean, 8);
    if (age >= 23 && age < limit - 0.05) return age;
  }
  return rng.float(23, limit - 0.05);
}

/**
 * Leave and exemptions: ~3% maternity (women 24–40), ~3% in the service period of a new or 特岗 hire
 * (young, mostly village schools), ~1% sick, ~2% training, ~2% already on rotation.
 */
function drawStatus(rng: Rng, school: School, gender: Gender, age: number): TeacherStatus {
  const newHire = { urban: 0.1, town: 0.2, rural: 0.45 }[school.area];
  if (age < 29 && rng.chance(newHire)) return 'service_period';
  if (gender === 'F' && age >= 24 && age <= 40 && rng.chance(0.12)) return 'maternity';
  const r = rng.next();
  if (r < 0.01) return 'sick';
  if (r < 0.03) return 'training';
  if (r < 0.056 && age >= 28 && age < 52) return 'on_rotation';
  return 'active';
}
