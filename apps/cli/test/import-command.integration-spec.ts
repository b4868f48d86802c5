import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshot } from '@tr/io';
import { TeacherEntity } from '@tr/persistence';
import { createTestDatabase, type TestDatabase } from '@tr/persistence/testing/test-database';
import { SAMPLE, runCli } from './run-cli';

describe('npm run import', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('refuses a bad snapshot with the row-level errors of the plan command and writes nothing', async () => {
    const input = mkdtempSync(join(tmpdir(), 'snapshot-'));
    cpSync(SAMPLE, input, { recursive: true });
    const teachers = join(input, 'teachers.csv');
    const lines = readFileSync(teachers, 'utf8').split('\n');
    lines[2] = lines[2].replace(/^[^,]+/, lines[1].split(',')[0]);
    writeFileSync(teachers, lines.join('\n'));

    const result = runCli(['import', '--input', input, '--county', '410185'], { DATABASE_URL: db.url });

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/sheet teachers, row 3, column id/);
    expect(await db.dataSource.manager.count(TeacherEntity)).toBe(0);
  });

  it('imports the sample county in one go', async () => {
    const result = runCli(['import', '--input', SAMPLE, '--county', '410185'], { DATABASE_URL: db.url });

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('94 所学校 schools');
    expect(result.stdout).not.toContain('数据提示');
    expect(await db.dataSource.manager.count(TeacherEntity)).toBe(5219);
  });

  it('exports the county back as a CSV folder and a workbook that read back as the imported snapshot', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-'));
    const imported = await readSnapshot(SAMPLE);
    for (const target of [join(out, 'csv'), join(out, 'county.xlsx')]) {
      const result = runCli(['export', '--county', '410185', '--out', target], { DATABASE_URL: db.url });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('94 所学校 schools');
      expect(await readSnapshot(target)).toStrictEqual(imported);
    }
  }, 60_000);

  it('says which county it cannot find, and exits 2', () => {
    const result = runCli(['export', '--county', '999999', '--out', join(tmpdir(), 'none')], {
      DATABASE_URL: db.url,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('999999');
  }, 30_000);

  it('says which database it cannot reach, without the password, and exits 2', () => {
    const result = runCli(['export', '--county', '410185', '--out', join(tmpdir(), 'none')], {
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/nowhere',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('无法连接数据库 postgres://postgres:***@127.0.0.1:1/nowhere');
    expect(result.stderr).toContain('cannot connect to the database');
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\bat \S+ \(/);
  }, 30_000);
});
