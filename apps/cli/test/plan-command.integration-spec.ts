import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE, runCli } from './run-cli';

/** A copy of the bundled sample with one sheet's text changed. */
function brokenSample(sheet: string, change: (csv: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  cpSync(SAMPLE, dir, { recursive: true });
  const file = join(dir, `${sheet}.csv`);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  return dir;
}

function replaceCell(csv: string, row: number, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0].split(',');
  const index = header.indexOf(column);
  const cells = lines[row - 1].split(',');
  cells[index] = value;
  lines[row - 1] = cells.join(',');
  return lines.join('\n');
}

describe('npm run plan', () => {
  const cases: [string, string, (csv: string) => string, RegExp][] = [
    ['a missing column', 'teachers', (csv) => csv.replace(/^id,/, 'staff_no,'), /sheet teachers.*column id/],
    [
      'a duplicate id',
      'teachers',
      (csv) => replaceCell(csv, 3, 'id', csv.split('\n')[1].split(',')[0]),
      /sheet teachers, row 3, column id/,
    ],
    [
      'an unknown school code',
      'teachers',
      (csv) => replaceCell(csv, 2, 'school_code', 'S999'),
      /sheet teachers, row 2, column school_code/,
    ],
    [
      'an impossible date',
      'teachers',
      (csv) => replaceCell(csv, 4, 'birth_date', '1980-02-30'),
      /sheet teachers, row 4, column birth_date/,
    ],
    [
      'an unknown enum value',
      'schools',
      (csv) => replaceCell(csv, 5, 'area', 'suburb'),
      /sheet schools, row 5, column area/,
    ],
    [
      'a rate above 1',
      'policy',
      (csv) => csv.replace(/max_rotation_rate,[0-9.]+/, 'max_rotation_rate,1.5'),
      /sheet policy, row \d+, column value/,
    ],
  ];

  it.each(cases)(
    'refuses %s, naming sheet, row and column, and writes nothing',
    (_name, sheet, change, where) => {
      const input = brokenSample(sheet, change);
      const out = join(input, 'plan.json');
      const result = runCli(['plan', '--input', input, '--out', out, '--quiet']);

      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(where);
      expect(result.stderr).toMatch(/输入数据有 \d+ 处错误/);
      expect(existsSync(out)).toBe(false);
    },
  );

  it.each([
    ['a folder', (dir: string) => dir, /输出路径是文件夹，不是文件 \/ the output path is a folder/],
    [
      'a path under a file',
      (dir: string) => {
        writeFileSync(join(dir, 'taken'), 'x');
        return join(dir, 'taken', 'plan.json');
      },
      /的上级 .*taken 是文件，不是文件夹 \/ .*taken, above the output path .* is a file, not a folder/,
    ],
  ])('refuses --out naming %s before it plans, with no stack trace', (_name, outPath, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'out-'));
    const result = runCli(['plan', '--input', SAMPLE, '--out', outPath(dir), '--quiet']);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
    // Refused before reading and solving: no progress and no summary.
    expect(result.stdout).toBe('');
  });

  it('plans the bundled sample within every rule, with rural scarce shortage and each CV down', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const out = join(dir, 'plan.json');
    const result = runCli(['plan', '--input', SAMPLE, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('交流比例 rate');

    const plan = JSON.parse(readFileSync(out, 'utf8'));
    const { before, after } = plan.metrics;
    const { policy } = plan.plan;
    // No rule relaxed; the only notes are heads past their terms whom an exemption keeps at their school.
    expect(plan.plan.flags.length).toBeGreaterThan(0);
    for (const flag of plan.plan.flags)
      expect(flag).toMatchObject({ rule: 'head_rotation', detail: { exempt: expect.any(String) } });
    expect(after.county_rotation_rate).toBeGreaterThanOrEqual(policy.min_rotation_rate);
    expect(after.county_rotation_rate).toBeLessThanOrEqual(policy.max_rotation_rate);
    expect(after.backbone_share).toBeGreaterThanOrEqual(policy.min_backbone_share);
    expect(after.rural_scarce_shortage_fte).toBeLessThan(before.rural_scarce_shortage_fte);
    for (const stage of ['primary', 'junior']) {
      for (const indicator of ['degree_above', 'backbone', 'pe_arts']) {
        expect(after.indicators[stage][indicator].cv).toBeLessThan(before.indicators[stage][indicator].cv);
      }
    }
    const check = runCli(['validate', '--input', SAMPLE, '--plan', out]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('方案通过校验');
  });

  it('plans a snapshot with unlikely values, and says which in its summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unlikely-'));
    expect(runCli(['generate', '--preset', 'mini', '--out', dir]).status).toBe(0);
    const teachers = join(dir, 'teachers.csv');
    const id = readFileSync(teachers, 'utf8').split('\n')[1].split(',')[0];
    writeFileSync(teachers, replaceCell(readFileSync(teachers, 'utf8'), 2, 'at_school_since', '2027-03-01'));
    const out = join(dir, 'plan.json');

    const result = runCli(['plan', '--input', dir, '--out', out, '--quiet']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('⚠ 数据提示 1 条');
    expect(result.stdout).toContain(`teachers ${id} at_school_since=2027-03-01: 晚于方案基准日`);
    expect(existsSync(out)).toBe(true);
  });

  it('plans and validates a snapshot without a year for the year given, and refuses another', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-year-'));
    expect(runCli(['generate', '--preset', 'mini', '--out', dir]).status).toBe(0);
    const policy = join(dir, 'policy.csv');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^year,.*\n/m, ''));
    const out = join(dir, 'plan.json');

    expect(runCli(['plan', '--input', dir, '--out', out, '--quiet']).status).toBe(2);
    expect(runCli(['plan', '--input', dir, '--out', out, '--quiet', '--year', '2026']).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).plan.year).toBe(2026);
    // The plan says which year it was made for; --year overrides that for the snapshot.
    const check = runCli(['validate', '--input', dir, '--plan', out]);
    expect(check.stdout).toContain('方案通过校验');
    expect(check.status).toBe(0);
    const other = runCli(['validate', '--input', dir, '--plan', out, '--year', '2025']);
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('plan year 2026 differs from the policy year 2025');
  });

  it.each([
    [
      'an input that does not exist',
      () => join(mkdtempSync(join(tmpdir(), 'gone-')), 'county.xlsx'),
      /找不到输入 \/ input not found/,
    ],
    [
      'a workbook that is not one',
      () => {
        const file = join(mkdtempSync(join(tmpdir(), 'broken-')), 'county.xlsx');
        writeFileSync(file, 'not a zip file');
        return file;
      },
      /无法读取工作簿 \/ cannot read workbook/,
    ],
  ])('refuses %s with a message and no stack trace, and writes nothing', (_name, input, message) => {
    const path = input();
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'plan.json');
    const result = runCli(['plan', '--input', path, '--out', out, '--quiet']);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(path);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a --year outside the years a policy sheet may give', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'plan.json');
    const result = runCli(['plan', '--input', SAMPLE, '--out', out, '--year', '20266']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--year must be a year from 2000 to 2100, got "20266"');
    expect(existsSync(out)).toBe(false);
  });
});
