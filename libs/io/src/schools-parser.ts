import { AREAS, localized, SCHOOL_TYPES, type School, type SnapshotIssue } from '@tr/domain';
import { EXPECT } from './expectations';
import { omitUndefined } from './omit-undefined';
import { readRows, UniqueKeys } from './row-reader';
import { REQUIRED_COLUMNS } from './snapshot-columns';
import type { SheetTable } from './sheet-table';

const SCHOOL_CODE = localized('学校代码', 'school code');

export interface ParsedSchools {
  schools: School[];
  /**
   * Every code the sheet names, even on rows with other errors, so teachers are not flagged twice;
   * `undefined` when the sheet has no code column or no rows (reported once here, not for every teacher).
   */
  codes: ReadonlySet<string> | undefined;
}

export function parseSchools(table: SheetTable, issues: SnapshotIssue[]): ParsedSchools {
  const schools: School[] = [];
  const codes = new UniqueKeys();
  const known = new Set<string>();
  for (const r of readRows(table, REQUIRED_COLUMNS.schools, issues)) {
    const issuesBefore = issues.length;
    const code = r.required('code');
    if (code !== undefined) {
      codes.claim(code, r, 'code', SCHOOL_CODE);
      known.add(code);
    }
    const name = r.required('name');
    const type = r.choice('type', SCHOOL_TYPES);
    const area = r.choice('area', AREAS);
    const remote = r.boolean('remote', false);
    const pupilsPrimary = r.count('pupils_primary');
    const pupilsJunior = r.count('pupils_junior');
    const classesPrimary = r.count('classes_primary');
    const classesJunior = r.count('classes_junior');
    const lat = r.number('lat', false, (n) => n >= -90 && n <= 90, EXPECT.range(-90, 90));
    const lng = r.number('lng', false, (n) => n >= -180 && n <= 180, EXPECT.range(-180, 180));
    // A location is all or nothing: distance needs both coordinates.
    if ((r.text('lat') === '') !== (r.text('lng') === '')) {
      const missing = r.text('lat') === '' ? 'lat' : 'lng';
      r.issue(missing, undefined, localized('与 lat/lng 另一列同时填写', 'lat and lng given together'));
    }
    // Any issue on this row (or a missing column, reported once for the sheet) means no snapshot at all;
    // skipping the row just keeps half-read values out of the list.
    if (issues.length > issuesBefore || code === undefined) continue;
    schools.push(
      omitUndefined({
        code,
        name: name as string,
        type: type as School['type'],
        area: area as School['area'],
        district: r.optional('district'),
        group: r.optional('group'),
        remote: remote as boolean,
        pupilsPrimary: pupilsPrimary as number,
        pupilsJunior: pupilsJunior as number,
        classesPrimary: classesPrimary as number,
        classesJunior: classesJunior as number,
        lat,
        lng,
      }),
    );
  }
  if (table.rows.length === 0)
    issues.push({ sheet: table.sheet, row: 2, expected: EXPECT.someRows(localized('学校', 'schools')) });
  const usable = table.header.includes('code') && table.rows.length > 0;
  return { schools, codes: usable ? known : undefined };
}
