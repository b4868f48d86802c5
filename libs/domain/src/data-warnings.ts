import { fullYearsBetween, schoolYearStart } from './dates';
import { retirementAge } from './eligibility';
import { countsInStage } from './indicators';
import { localized, type Localized } from './localized';
import { STAGES, stageSize, type School, type Snapshot, type Stage } from './model';

/**
 * A value that is well-formed but unlikely, which changes the plan quietly: a date after the plan's
 * reference date leaves a teacher too few years at the school, a stage without curriculum has no subject need.
 * Imports are not refused for them (a county may have its reasons); the HR officer is told.
 */
export interface DataWarning {
  sheet: 'schools' | 'teachers' | 'curriculum';
  /** The school code, teacher id or stage the warning is about. */
  key: string;
  column: string;
  value: string;
  text: Localized;
}

/** Youngest plausible age of a member of staff, and youngest at which anyone starts service. */
const MIN_STAFF_AGE = 18;
const MIN_SERVICE_AGE = 16;

const STAGE_NAMES: Record<Stage, Localized> = {
  primary: localized('小学', 'primary'),
  junior: localized('初中', 'junior'),
};

/** Every unlikely value of the snapshot, schools first, then teachers, then curriculum, in sheet order. */
export function dataWarnings(snapshot: Snapshot): DataWarning[] {
  return [...schoolWarnings(snapshot.schools), ...teacherWarnings(snapshot), ...curriculumWarnings(snapshot)];
}

function schoolWarnings(schools: readonly School[]): DataWarning[] {
  const warnings: DataWarning[] = [];
  for (const school of schools) {
    const warn = (column: string, value: string, text: Localized) =>
      warnings.push({ sheet: 'schools', key: school.code, column, value, text });
    for (const stage of STAGES) {
      const { pupils, classes } = stageSize(school, stage);
      const name = STAGE_NAMES[stage];
      if (pupils > 0 && classes === 0)
        warn(
          `classes_${stage}`,
          '0',
          localized(
            `有 ${pupils} 名${name.zh}学生但没有${name.zh}班级：该学段的学科需求按 0 计`,
            `${pupils} ${name.en} pupils but no ${name.en} classes: the stage's subject need counts as 0`,
          ),
        );
      if (classes > 0 && pupils === 0)
        warn(
          `pupils_${stage}`,
          '0',
          localized(
            `有 ${classes} 个${name.zh}班但没有${name.zh}学生：不计入该学段每百名学生指标的差异系数`,
            `${classes} ${name.en} classes but no ${name.en} pupils: left out of the stage's per-100-pupil coefficients of variation`,
          ),
        );
      // Special schools are assessed apart from both stages: their pupils are no mistake.
      if ((pupils > 0 || classes > 0) && school.type !== 'special' && !countsInStage(school, stage))
        warn(
          'type',
          school.type,
          localized(
            `${school.type} 学校有${name.zh}学生或班级：计入学科需求，但不计入${name.zh}学段的差异系数`,
            `a ${school.type} school with ${name.en} pupils or classes: they count for subject need but not for the ${name.en} coefficients of variation`,
          ),
        );
    }
  }
  return warnings;
}

function teacherWarnings(snapshot: Snapshot): DataWarning[] {
  const { policy } = snapshot;
  const reference = schoolYearStart(policy.year);
  const warnings: DataWarning[] = [];
  for (const teacher of snapshot.teachers) {
    const warn = (column: string, value: string, text: Localized) =>
      warnings.push({ sheet: 'teachers', key: teacher.id, column, value, text });
    const age = fullYearsBetween(teacher.birthDate, reference);
    const retirement = retirementAge(teacher, policy);
    if (age < MIN_STAFF_AGE)
      warn(
        'birth_date',
        teacher.birthDate,
        localized(
          `按此日期，${reference} 时未满 ${MIN_STAFF_AGE} 周岁`,
          `makes the teacher younger than ${MIN_STAFF_AGE} on ${reference}`,
        ),
      );
    else if (age >= retirement)
      warn(
        'birth_date',
        teacher.birthDate,
        localized(
          `按此日期，${reference} 时已到法定退休年龄 ${retirement} 岁（不参加交流）`,
          `makes the teacher past the statutory retirement age of ${retirement} on ${reference} (not rotated)`,
        ),
      );
    if (teacher.atSchoolSince > reference)
      warn(
        'at_school_since',
        teacher.atSchoolSince,
        localized(
          `晚于方案基准日 ${reference}：在校年限不足，不参加交流`,
          `after the plan's reference date ${reference}: too few years at the school to rotate`,
        ),
      );
    if (teacher.hiredOn === undefined) continue;
    if (teacher.hiredOn > teacher.atSchoolSince)
      warn(
        'at_school_since',
        teacher.atSchoolSince,
        localized(
          `早于参加工作日期 hired_on ${teacher.hiredOn}`,
          `before the first day of service (hired_on ${teacher.hiredOn})`,
        ),
      );
    if (fullYearsBetween(teacher.birthDate, teacher.hiredOn) < MIN_SERVICE_AGE)
      warn(
        'hired_on',
        teacher.hiredOn,
        localized(
          `参加工作时未满 ${MIN_SERVICE_AGE} 周岁（出生日期 ${teacher.birthDate}）`,
          `before the teacher's ${MIN_SERVICE_AGE}th birthday (born ${teacher.birthDate})`,
        ),
      );
  }
  return warnings;
}

function curriculumWarnings(snapshot: Snapshot): DataWarning[] {
  const warnings: DataWarning[] = [];
  for (const stage of STAGES) {
    if (snapshot.curriculum.some((entry) => entry.stage === stage)) continue;
    const schools = snapshot.schools.filter((s) => stageSize(s, stage).classes > 0).length;
    if (schools === 0) continue;
    const name = STAGE_NAMES[stage];
    warnings.push({
      sheet: 'curriculum',
      key: stage,
      column: 'stage',
      value: stage,
      text: localized(
        `没有${name.zh}学段的课程：${schools} 所学校的${name.zh}学科需求按 0 计`,
        `no ${name.en} rows: the ${name.en} subject need of ${schools} school(s) counts as 0`,
      ),
    });
  }
  return warnings;
}

/** One line per warning for a terminal: where, then what, Chinese first. */
export function formatDataWarning(w: DataWarning): string {
  return `${w.sheet} ${w.key} ${w.column}=${w.value}: ${w.text.zh} / ${w.text.en}`;
}
