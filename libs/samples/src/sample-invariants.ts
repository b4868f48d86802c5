import { fullYearsBetween, groupBySchool, schoolYearStart, SUBJECTS, type Snapshot } from '@tr/domain';
import { HEAD_TERM_YEARS } from './heads';
import { isValidNationalId } from './national-id';

/** What every generated sample must satisfy, by family of rule; tests and callers check against it. */
export type SampleRule = 'references' | 'national_id' | 'dates' | 'heads' | 'schools';

export interface SampleProblem {
  rule: SampleRule;
  message: string;
}

/** Every broken invariant of a sample, in one pass (100,000 teachers are checked in well under a second). */
export function sampleProblems(snapshot: Snapshot): SampleProblem[] {
  const problems: SampleProblem[] = [];
  const add = (rule: SampleRule, message: string) => problems.push({ rule, message });
  const reference = schoolYearStart(snapshot.policy.year);
  const lastDay = `${snapshot.policy.year}-08-31`;
  const codes = new Set(snapshot.schools.map((s) => s.code));
  const retirement = { M: snapshot.policy.retirement_age_male, F: snapshot.policy.retirement_age_female };

  if (codes.size !== snapshot.schools.length) add('references', 'duplicate school codes');
  if (new Set(snapshot.schools.map((s) => s.name)).size !== snapshot.schools.length)
    add('schools', 'duplicate school names');
  if (new Set(snapshot.teachers.map((t) => t.id)).size !== snapshot.teachers.length)
    add('references', 'duplicate teacher ids');
  if (new Set(snapshot.teachers.map((t) => t.nationalId)).size !== snapshot.teachers.length)
    add('national_id', 'duplicate ID numbers');

  for (const t of snapshot.teachers) {
    if (!codes.has(t.schoolCode)) add('references', `${t.id}: unknown school ${t.schoolCode}`);
    if (!SUBJECTS.includes(t.subject)) add('references', `${t.id}: unknown subject ${t.subject}`);
    if (t.extraSubjects.includes(t.subject)) add('references', `${t.id}: extra subject repeats the main one`);
    if (t.preferences.length > 3 || new Set(t.preferences).size !== t.preferences.length)
      add('references', `${t.id}: preferences`);
    for (const code of t.preferences) {
      if (!codes.has(code) || code === t.schoolCode) add('references', `${t.id}: preference ${code}`);
    }

    const id = t.nationalId ?? '';
    if (
      !isValidNationalId(id) ||
      id.slice(6, 14) !== t.birthDate.replace(/-/g, '') ||
      Number(id[16]) % 2 !== (t.gender === 'M' ? 1 : 0)
    ) {
      add('national_id', `${t.id}: ${id}`);
    }

    const age = fullYearsBetween(t.birthDate, reference);
    const hiredOn = t.hiredOn ?? '';
    if (age < 23 || age >= retirement[t.gender ?? 'F']) add('dates', `${t.id}: age ${age}`);
    if (fullYearsBetween(t.birthDate, hiredOn) < 21) add('dates', `${t.id}: hired ${hiredOn}`);
    if (t.atSchoolSince < hiredOn || t.atSchoolSince > lastDay)
      add('dates', `${t.id}: at school since ${t.atSchoolSince}`);
    if (t.status === 'maternity' && t.gender !== 'F') add('dates', `${t.id}: maternity`);
    if (t.status === 'service_period' && fullYearsBetween(hiredOn, reference) >= 3)
      add('dates', `${t.id}: service period`);

    if (t.role === 'teacher' && t.termsAsHead !== 0) add('heads', `${t.id}: a teacher with terms as head`);
    if (t.termsAsHead * HEAD_TERM_YEARS > fullYearsBetween(t.atSchoolSince, reference))
      add('heads', `${t.id}: terms longer than the stay`);
  }

  const staff = groupBySchool(snapshot.teachers);
  for (const s of snapshot.schools) {
    const members = staff.get(s.code) ?? [];
    const principals = members.filter((t) => t.role === 'principal').length;
    const vices = members.filter((t) => t.role === 'vice_principal').length;
    if (principals !== 1) add('heads', `${s.code}: ${principals} principals`);
    if (s.type !== 'special' && (vices < 1 || vices > 2)) add('heads', `${s.code}: ${vices} vice principals`);

    const stagesOk =
      s.classesPrimary > 0 === (s.type !== 'junior') &&
      s.classesJunior > 0 === (s.type === 'junior' || s.type === 'nine_year') &&
      s.pupilsPrimary > 0 === s.classesPrimary > 0 &&
      s.pupilsJunior > 0 === s.classesJunior > 0;
    if (!stagesOk) add('schools', `${s.code}: classes or pupils do not match type ${s.type}`);
    if (s.lat === undefined || s.lng === undefined || s.district === undefined)
      add('schools', `${s.code}: no location or district`);
    if (s.remote && s.area !== 'rural') add('schools', `${s.code}: remote but ${s.area}`);
  }
  return problems;
}
