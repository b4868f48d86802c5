import { join } from 'node:path';
import { SnapshotValidationError } from '@tr/domain';
import { readSnapshot } from './snapshot-reader';
import {
  issuesOf,
  tempDir,
  validSheets,
  writeCsvSheets,
  writeXlsxSheets,
  type Sheets,
} from './testing/fixtures';

/** Applies `edit` to a valid county and returns the issues readSnapshot reports for it (CSV form). */
async function issuesAfter(edit: (sheets: Sheets) => void) {
  const sheets = validSheets();
  edit(sheets);
  return issuesOf(readSnapshot(await writeCsvSheets(join(await tempDir(), 'county'), sheets)));
}

/** Sets one cell of a data row (row 2 is the first data row, as in the spreadsheet). */
function setCell(sheets: Sheets, sheet: string, row: number, column: string, value: string): void {
  const index = sheets[sheet][0].indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  sheets[sheet][row - 1][index] = value;
}

function dropColumn(sheets: Sheets, sheet: string, column: string): void {
  const index = sheets[sheet][0].indexOf(column);
  sheets[sheet] = sheets[sheet].map((row) => row.filter((_, i) => i !== index));
}

describe('readSnapshot: bad input', () => {
  it('reports a missing required column once, for the whole sheet', async () => {
    const issues = await issuesAfter((s) => dropColumn(s, 'teachers', 'birth_date'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: 'teachers', column: 'birth_date' });
    expect(issues[0].row).toBeUndefined();
    expect(issues[0].expected.en).toContain('birth_date');
  });

  it('reports a schools sheet without its code column, or without rows, once, not for every teacher', async () => {
    const noCode = await issuesAfter((s) => dropColumn(s, 'schools', 'code'));
    expect(noCode.map((i) => [i.sheet, i.column])).toEqual([['schools', 'code']]);

    const noRows = await issuesAfter((s) => (s.schools = s.schools.slice(0, 1)));
    expect(noRows).toHaveLength(1);
    expect(noRows[0]).toMatchObject({ sheet: 'schools', row: 2 });
    expect(noRows[0].expected.zh).toBe('至少一行学校数据');
    expect(noRows[0].expected.en).toBe('at least one row of schools below the header');
  });

  it('reports a missing required value', async () => {
    const issues = await issuesAfter((s) => setCell(s, 'schools', 3, 'type', ''));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'schools', row: 3, column: 'type' })]);
  });

  it('reports a missing required sheet', async () => {
    const issues = await issuesAfter((s) => delete s.curriculum);
    expect(issues).toEqual([expect.objectContaining({ sheet: 'curriculum' })]);
  });

  it('reports a duplicate teacher id on the repeat, naming the first row', async () => {
    const issues = await issuesAfter((s) => setCell(s, 'teachers', 4, 'id', 'T0001'));
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'teachers', row: 4, column: 'id', value: 'T0001' }),
    ]);
    expect(issues[0].expected.en).toContain('row 2');
    expect(issues[0].expected.zh).toContain('第 2 行');
  });

  it('reports a duplicate school code', async () => {
    const issues = await issuesAfter((s) => setCell(s, 'schools', 3, 'code', 'S001'));
    // T0003 works at S002, which no longer exists: that is a second, genuine issue.
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'schools', row: 3, column: 'code', value: 'S001' }),
      expect.objectContaining({ sheet: 'teachers', row: 2, column: 'preferences', value: 'S002' }),
      expect.objectContaining({ sheet: 'teachers', row: 4, column: 'school_code', value: 'S002' }),
    ]);
  });

  it('reports an unknown school code in school_code and in preferences', async () => {
    const issues = await issuesAfter((s) => {
      setCell(s, 'teachers', 3, 'school_code', 'S999');
      setCell(s, 'teachers', 2, 'preferences', 'S002;S777');
    });
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'teachers', row: 2, column: 'preferences', value: 'S777' }),
      expect.objectContaining({ sheet: 'teachers', row: 3, column: 'school_code', value: 'S999' }),
    ]);
  });

  it('reports impossible and badly written dates', async () => {
    const issues = await issuesAfter((s) => {
      setCell(s, 'teachers', 2, 'birth_date', '2023-02-30');
      setCell(s, 'teachers', 3, 'hired_on', '2015/09/01');
    });
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'teachers', row: 2, column: 'birth_date', value: '2023-02-30' }),
      expect.objectContaining({ sheet: 'teachers', row: 3, column: 'hired_on', value: '2015/09/01' }),
    ]);
  });

  it('reports at_school_since before birth_date', async () => {
    const issues = await issuesAfter((s) => setCell(s, 'teachers', 3, 'at_school_since', '1989-09-01'));
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'teachers', row: 3, column: 'at_school_since' }),
    ]);
  });

  it('reports unknown enum values, booleans and subject codes', async () => {
    const issues = await issuesAfter((s) => {
      setCell(s, 'schools', 2, 'area', 'suburban');
      setCell(s, 'schools', 3, 'remote', 'yes');
      setCell(s, 'teachers', 2, 'title', 'professor');
      setCell(s, 'teachers', 3, 'gender', 'male');
      setCell(s, 'teachers', 4, 'extra_subjects', 'art;dance');
      setCell(s, 'curriculum', 3, 'subject', 'Music');
    });
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'schools', row: 2, column: 'area', value: 'suburban' }),
      expect.objectContaining({ sheet: 'schools', row: 3, column: 'remote', value: 'yes' }),
      expect.objectContaining({ sheet: 'teachers', row: 2, column: 'title', value: 'professor' }),
      expect.objectContaining({ sheet: 'teachers', row: 3, column: 'gender', value: 'male' }),
      expect.objectContaining({ sheet: 'teachers', row: 4, column: 'extra_subjects', value: 'dance' }),
      expect.objectContaining({ sheet: 'curriculum', row: 3, column: 'subject', value: 'Music' }),
    ]);
    expect(issues[0].expected.en).toBe('one of: urban, town, rural');
  });

  it('reports bad counts, coordinates and curriculum numbers', async () => {
    const issues = await issuesAfter((s) => {
      setCell(s, 'schools', 2, 'pupils_primary', '-5');
      setCell(s, 'schools', 2, 'classes_primary', '2.5');
      setCell(s, 'schools', 2, 'lat', '95');
      setCell(s, 'teachers', 4, 'terms_as_head', 'two');
      setCell(s, 'curriculum', 2, 'full_load_periods', '0');
      setCell(s, 'curriculum', 3, 'periods_per_class_week', '-1');
    });
    expect(issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['schools', 2, 'pupils_primary'],
      ['schools', 2, 'classes_primary'],
      ['schools', 2, 'lat'],
      ['teachers', 4, 'terms_as_head'],
      ['curriculum', 2, 'full_load_periods'],
      ['curriculum', 3, 'periods_per_class_week'],
    ]);
  });

  it('reports a repeated (stage, subject) in the curriculum', async () => {
    const issues = await issuesAfter((s) => s.curriculum.push(['primary', 'music', '3', '16']));
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'curriculum', row: 4, column: 'subject', value: 'music' }),
    ]);
    expect(issues[0].expected.en).toContain('row 3');
  });

  it('reports a rotation rate above 1 on the policy row, column value', async () => {
    const issues = await issuesAfter((s) => s.policy.push(['max_rotation_rate', '1.5']));
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'policy', row: 6, column: 'value', value: '1.5' }),
    ]);
  });

  it('reports min_rotation_rate above max_rotation_rate on the max row', async () => {
    const issues = await issuesAfter((s) => s.policy.push(['max_rotation_rate', '0.05']));
    expect(issues).toEqual([
      expect.objectContaining({ sheet: 'policy', row: 6, column: 'value', value: '0.05' }),
    ]);
  });

  it('reports non-integer and non-numeric policy values', async () => {
    const issues = await issuesAfter((s) => {
      s.policy.push(['rotation_term_years', '2.5']);
      s.policy.push(['max_distance_km', 'far']);
    });
    expect(issues.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([
      ['policy', 6, 'value', '2.5'],
      ['policy', 7, 'value', 'far'],
    ]);
  });

  it('never shows an ID number unmasked', async () => {
    const issues = await issuesAfter((s) => setCell(s, 'teachers', 2, 'national_id', '4101851980051212345'));
    expect(issues).toEqual([
      expect.objectContaining({
        sheet: 'teachers',
        row: 2,
        column: 'national_id',
        value: '410185*********2345',
      }),
    ]);
    const error = await readSnapshot(
      await writeCsvSheets(
        join(await tempDir(), 'id'),
        (() => {
          const s = validSheets();
          setCell(s, 'teachers', 2, 'national_id', '4101851980051212345');
          return s;
        })(),
      ),
    ).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain('4101851980051212345');
  });

  it('throws one SnapshotValidationError listing every issue, in sheet and row order', async () => {
    const sheets = validSheets();
    setCell(sheets, 'policy', 4, 'value', '2');
    setCell(sheets, 'teachers', 3, 'id', 'T0001');
    setCell(sheets, 'teachers', 2, 'school_code', 'S404');
    setCell(sheets, 'teachers', 4, 'birth_date', '1975-02-29');
    setCell(sheets, 'schools', 3, 'type', 'university');
    dropColumn(sheets, 'curriculum', 'full_load_periods');
    const dir = await writeCsvSheets(join(await tempDir(), 'many'), sheets);
    const error = await readSnapshot(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotValidationError);
    const issues = (error as SnapshotValidationError).issues;
    expect(issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['schools', 3, 'type'],
      ['teachers', 2, 'school_code'],
      ['teachers', 3, 'id'],
      ['teachers', 4, 'birth_date'],
      ['curriculum', undefined, 'full_load_periods'],
      ['policy', 4, 'value'],
    ]);
    expect((error as Error).message).toContain('6');
    expect((error as Error).message).toContain('sheet teachers, row 4, column birth_date');

    // The same workbook as XLSX reports the same issues.
    const xlsx = await writeXlsxSheets(join(await tempDir(), 'many.xlsx'), sheets, true);
    expect(await issuesOf(readSnapshot(xlsx))).toStrictEqual(issues);
  });

  it('flags an ID number stored as a number in XLSX, where Excel has already lost digits', async () => {
    const sheets = validSheets();
    const file = join(await tempDir(), 'lossy.xlsx');
    await writeXlsxSheets(file, sheets);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('teachers')!.getCell('Q2').value = Number('410185198005121230');
    await workbook.xlsx.writeFile(file);
    const issues = await issuesOf(readSnapshot(file));
    expect(issues[0]).toMatchObject({ sheet: 'teachers', row: 2, column: 'national_id' });
    expect(JSON.stringify(issues)).not.toContain('410185198005121');
  });
});
