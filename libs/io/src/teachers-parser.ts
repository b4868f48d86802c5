import {
  BACKBONE_LEVELS,
  DEGREES,
  GENDERS,
  localized,
  ROLES,
  STATUSES,
  TITLES,
  type SnapshotIssue,
  type Subject,
  type Teacher,
} from '@tr/domain';
import { readSubject } from './curriculum-parser';
import { EXPECT } from './expectations';
import { isNationalId, maskNationalId } from './national-id';
import { omitUndefined } from './omit-undefined';
import { readRows, UniqueKeys, type RowReader } from './row-reader';
import { REQUIRED_COLUMNS } from './snapshot-columns';
import type { SheetTable } from './sheet-table';

const TEACHER_ID = localized('教师编号', 'teacher id');
const KNOWN_SCHOOL = localized('schools 表中已有的学校代码', 'a school code listed in the schools sheet');

/** `schoolCodes`: every code the schools sheet names; `undefined` when that sheet is missing (reported elsewhere). */
export function parseTeachers(
  table: SheetTable,
  schoolCodes: ReadonlySet<string> | undefined,
  issues: SnapshotIssue[],
): Teacher[] {
  const teachers: Teacher[] = [];
  const ids = new UniqueKeys();
  for (const r of readRows(table, REQUIRED_COLUMNS.teachers, issues)) {
    const issuesBefore = issues.length;
    const id = r.required('id');
    if (id !== undefined) ids.claim(id, r, 'id', TEACHER_ID);
    const name = r.required('name');
    const gender = r.optional('gender') === undefined ? undefined : r.choice('gender', GENDERS);
    const birthDate = r.date('birth_date', true);
    const schoolCode = knownSchool(r, r.required('school_code'), 'school_code', schoolCodes);
    const subject = readSubject(r.required('subject'), (value) => r.issue('subject', value, EXPECT.subject));
    const extraSubjects = subjectList(r);
    const title = r.choice('title', TITLES, 'none');
    const backbone = r.choice('backbone', BACKBONE_LEVELS, 'none');
    const degree = r.choice('degree', DEGREES, 'required');
    const hiredOn = r.date('hired_on', false);
    const atSchoolSince = r.date('at_school_since', true);
    const status = r.choice('status', STATUSES, 'active');
    const role = r.choice('role', ROLES, 'teacher');
    const termsAsHead = r.count('terms_as_head');
    const preferences = r.list('preferences');
    for (const code of preferences) knownSchool(r, code, 'preferences', schoolCodes);
    const nationalId = readNationalId(r);
    // ISO dates compare correctly as strings.
    if (birthDate !== undefined && atSchoolSince !== undefined && atSchoolSince < birthDate) {
      r.issue('at_school_since', atSchoolSince, localized('不早于出生日期', 'a date not before birth_date'));
    }
    if (birthDate !== undefined && hiredOn !== undefined && hiredOn < birthDate) {
      r.issue('hired_on', hiredOn, localized('不早于出生日期', 'a date not before birth_date'));
    }
    // Any issue on this row (or a missing column, reported once for the sheet) means no snapshot at all;
    // skipping the row just keeps half-read values out of the list.
    if (issues.length > issuesBefore || id === undefined) continue;
    teachers.push(
      omitUndefined({
        id,
        name: name as string,
        gender,
        birthDate: birthDate as string,
        schoolCode: schoolCode as string,
        subject: subject as Subject,
        extraSubjects: extraSubjects as Subject[],
        title: title as Teacher['title'],
        backbone: backbone as Teacher['backbone'],
        degree: degree as Teacher['degree'],
        hiredOn,
        atSchoolSince: atSchoolSince as string,
        status: status as Teacher['status'],
        role: role as Teacher['role'],
        termsAsHead: termsAsHead as number,
        preferences,
        nationalId,
      }),
    );
  }
  return teachers;
}

function knownSchool(
  r: RowReader,
  code: string | undefined,
  column: string,
  schoolCodes: ReadonlySet<string> | undefined,
): string | undefined {
  if (code === undefined) return undefined;
  if (schoolCodes === undefined || schoolCodes.has(code)) return code;
  r.issue(column, code, KNOWN_SCHOOL);
  return undefined;
}

/** Extra subjects, each checked; `undefined` if any is unknown. */
function subjectList(r: RowReader): Subject[] | undefined {
  let ok = true;
  const subjects = r.list('extra_subjects').map((text) =>
    readSubject(text, (value) => {
      ok = false;
      r.issue('extra_subjects', value, EXPECT.subject);
    }),
  );
  return ok ? (subjects as Subject[]) : undefined;
}

/** The ID number, upper-cased; a bad one is reported masked, never in clear. */
function readNationalId(r: RowReader): string | undefined {
  const text = r.optional('national_id')?.toUpperCase();
  if (text === undefined) return undefined;
  if (isNationalId(text)) return text;
  r.issue('national_id', maskNationalId(text), EXPECT.nationalId);
  return undefined;
}
