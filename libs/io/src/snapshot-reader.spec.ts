import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_POLICY, type Snapshot } from '@tr/domain';
import { readSnapshot } from './snapshot-reader';
import { issuesOf, tempDir, validSheets, writeCsvSheets, writeXlsxSheets } from './testing/fixtures';
import { csvDocument } from './csv-format';

describe('readSnapshot: valid input', () => {
  let expected: Snapshot;

  beforeAll(async () => {
    expected = await readSnapshot(await writeCsvSheets(join(await tempDir(), 'dengfeng'), validSheets()));
  });

  it('parses schools with defaults for blank optional columns and no key for blank optional values', () => {
    expect(expected.schools).toStrictEqual([
      {
        code: 'S001',
        name: '城关小学',
        type: 'primary',
        area: 'urban',
        district: 'D1',
        remote: false,
        pupilsPrimary: 1200,
        pupilsJunior: 0,
        classesPrimary: 24,
        classesJunior: 0,
        lat: 34.45,
        lng: 113.03,
      },
      {
        code: 'S002',
        name: '石道乡中心小学',
        type: 'primary',
        area: 'rural',
        district: 'D2',
        group: 'G1',
        remote: true,
        pupilsPrimary: 180,
        pupilsJunior: 0,
        classesPrimary: 6,
        classesJunior: 0,
      },
    ]);
  });

  it('parses teachers, filling defaults', () => {
    expect(expected.teachers[0]).toStrictEqual({
      id: 'T0001',
      name: '张伟',
      gender: 'M',
      birthDate: '1980-05-12',
      schoolCode: 'S001',
      subject: 'music',
      extraSubjects: ['art', 'pe'],
      title: 'first',
      backbone: 'county',
      degree: 'above',
      hiredOn: '2002-09-01',
      atSchoolSince: '2010-09-01',
      status: 'active',
      role: 'teacher',
      termsAsHead: 0,
      preferences: ['S002'],
      nationalId: '41018519800512123X',
    });
    expect(expected.teachers[1]).toStrictEqual({
      id: 'T0002',
      name: '李娜',
      gender: 'F',
      birthDate: '1990-01-31',
      schoolCode: 'S001',
      subject: 'math',
      extraSubjects: [],
      title: 'none',
      backbone: 'none',
      degree: 'required',
      atSchoolSince: '2015-09-01',
      status: 'active',
      role: 'teacher',
      termsAsHead: 0,
      preferences: [],
    });
    expect(expected.teachers[2]).toMatchObject({ role: 'principal', termsAsHead: 2 });
  });

  it('parses curriculum and policy over the defaults; the county row names the county', () => {
    expect(expected.curriculum).toStrictEqual([
      { stage: 'primary', subject: 'chinese', periodsPerClassWeek: 8, fullLoadPeriods: 14 },
      { stage: 'primary', subject: 'music', periodsPerClassWeek: 2, fullLoadPeriods: 16 },
    ]);
    expect(expected.policy).toStrictEqual({ ...DEFAULT_POLICY, year: 2026, min_rotation_rate: 0.12 });
    expect(expected.county).toBe('登封市');
  });

  it('parses an XLSX workbook with typed cells exactly like the CSV folder', async () => {
    const dir = await tempDir();
    const typed = await readSnapshot(await writeXlsxSheets(join(dir, 'dengfeng.xlsx'), validSheets(), true));
    const plain = await readSnapshot(await writeXlsxSheets(join(dir, 'plain.xlsx'), validSheets(), false));
    expect(typed).toStrictEqual(expected);
    expect(plain).toStrictEqual(expected);
  });

  it('tolerates a UTF-8 BOM, CRLF line ends and blank lines in CSV', async () => {
    const dir = await writeCsvSheets(join(await tempDir(), 'bom'), validSheets());
    const schools = validSheets().schools;
    const text =
      '\ufeff' +
      csvDocument([schools[0], schools[1]]).replace(/\n/g, '\r\n') +
      '\r\n' +
      csvDocument([schools[2]]);
    await writeFile(join(dir, 'schools.csv'), text);
    expect((await readSnapshot(dir)).schools).toStrictEqual(expected.schools);
  });

  it('counts a blank line as a spreadsheet row, as in XLSX', async () => {
    const sheets = validSheets();
    const dir = await writeCsvSheets(join(await tempDir(), 'blank'), sheets);
    const rows = sheets.teachers.map((row) => row.join(','));
    rows.splice(2, 0, ''); // row 3 is blank; the next teacher is on row 4
    await writeFile(
      join(dir, 'teachers.csv'),
      rows.map((r, i) => (i === 3 ? r.replace('1990-01-31', '1990-02-31') : r)).join('\n'),
    );
    const issues = await issuesOf(readSnapshot(dir));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'teachers', row: 4, column: 'birth_date' })]);
  });

  it('uses defaultYear and the input name when the policy sheet is absent', async () => {
    const sheets = validSheets();
    delete (sheets as Partial<typeof sheets>).policy;
    const dir = await writeCsvSheets(join(await tempDir(), 'gongyi'), sheets);
    const snapshot = await readSnapshot(dir, { defaultYear: 2027 });
    expect(snapshot.policy).toStrictEqual({ ...DEFAULT_POLICY, year: 2027 });
    expect(snapshot.county).toBe('gongyi');

    const file = await writeXlsxSheets(join(await tempDir(), 'xinmi.xlsx'), sheets);
    expect((await readSnapshot(file, { defaultYear: 2027 })).county).toBe('xinmi');
  });

  it('reports a CSV quote left open on the row where it opens, in Chinese and English', async () => {
    const dir = await writeCsvSheets(join(await tempDir(), 'quote'), validSheets());
    const file = join(dir, 'schools.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = lines[2].replace(',', ',"');
    await writeFile(file, lines.join('\n'));
    const issues = await issuesOf(readSnapshot(dir));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'schools', row: 3 })]);
    expect(issues[0].expected.zh).toBe('与开头引号配对的结束引号：这一行开始的引号直到文件末尾都没有结束');
    expect(issues[0].expected.en).toContain('still open at the end of the file');
  });

  it('says that the policy sheet or --year is missing when there is neither', async () => {
    const sheets = validSheets();
    delete (sheets as Partial<typeof sheets>).policy;
    const dir = await writeCsvSheets(join(await tempDir(), 'nopolicy'), sheets);
    const issues = await issuesOf(readSnapshot(dir));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'policy', column: 'key' })]);
    expect(issues[0].expected.zh).toContain('工作表 policy（文件夹形式为 policy.csv）');
    expect(issues[0].expected.en).toContain('or the --year option');
  });

  it('rejects a missing year when no default is given, naming the policy sheet', async () => {
    const sheets = validSheets();
    sheets.policy = sheets.policy.filter((row) => row[0] !== 'year');
    const dir = await writeCsvSheets(join(await tempDir(), 'noyear'), sheets);
    const issues = await issuesOf(readSnapshot(dir));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'policy', column: 'key' })]);
    expect(issues[0].row).toBeUndefined();
    expect((await readSnapshot(dir, { defaultYear: 2030 })).policy.year).toBe(2030);
  });

  it('fails plainly on a path that is neither a folder nor an .xlsx file', async () => {
    await expect(readSnapshot(join(await tempDir(), 'nothing-here'))).rejects.toThrow(/input not found/);
    const dir = await tempDir();
    await writeFile(join(dir, 'data.xls'), 'x');
    await expect(readSnapshot(join(dir, 'data.xls'))).rejects.toThrow(/\.xlsx workbook or a folder/);
  });
});
