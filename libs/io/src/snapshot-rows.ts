import { POLICY_KEYS, type CurriculumEntry, type School, type Snapshot, type Teacher } from '@tr/domain';
import { COUNTY_KEY } from './snapshot-columns';
import type { SheetName } from './sheet-table';

/** A cell to write: text, a number, or a date (`YYYY-MM-DD`, written as a date cell in XLSX). */
export type OutCell = string | number | { date: string } | undefined;

const date = (value: string | undefined): OutCell => (value === undefined ? undefined : { date: value });
const list = (values: readonly string[]): string => values.join(';');

/** The snapshot as rows per sheet, in the column order of snapshot-columns.ts (the inverse of the parsers). */
export function snapshotRows(snapshot: Snapshot): Record<SheetName, OutCell[][]> {
  return {
    schools: snapshot.schools.map(schoolRow),
    teachers: snapshot.teachers.map(teacherRow),
    curriculum: snapshot.curriculum.map(curriculumRow),
    policy: [
      [COUNTY_KEY, snapshot.county],
      ...POLICY_KEYS.map((key): OutCell[] => [key, snapshot.policy[key]]),
    ],
  };
}

function schoolRow(s: School): OutCell[] {
  return [
    s.code,
    s.name,
    s.type,
    s.area,
    s.district,
    s.group,
    String(s.remote),
    s.pupilsPrimary,
    s.pupilsJunior,
    s.classesPrimary,
    s.classesJunior,
    s.lat,
    s.lng,
  ];
}

function teacherRow(t: Teacher): OutCell[] {
  return [
    t.id,
    t.name,
    t.gender,
    date(t.birthDate),
    t.schoolCode,
    t.subject,
    list(t.extraSubjects),
    t.title,
    t.backbone,
    t.degree,
    date(t.hiredOn),
    date(t.atSchoolSince),
    t.status,
    t.role,
    t.termsAsHead,
    list(t.preferences),
    t.nationalId,
  ];
}

function curriculumRow(c: CurriculumEntry): OutCell[] {
  return [c.stage, c.subject, c.periodsPerClassWeek, c.fullLoadPeriods];
}
