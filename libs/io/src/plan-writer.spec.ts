import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_POLICY, type Plan, type PlanMetricsSnapshot } from '@tr/domain';
import { writePlan } from './plan-writer';
import { tempDir } from './testing/fixtures';

function metrics(shortage: number, rate: number, cv: number): PlanMetricsSnapshot {
  const stat = { mean: 1.2, cv, limit: 0.5, schools: 2 };
  return {
    shortage_fte_by_subject: { music: shortage, pe: 0.5 },
    shortage_fte_total: shortage + 0.5,
    rural_scarce_shortage_fte: shortage,
    movers: rate > 0 ? 2 : 0,
    eligible: 10,
    county_rotation_rate: rate,
    backbone_movers: rate > 0 ? 1 : 0,
    backbone_share: rate > 0 ? 0.5 : 0,
    school_rotation_rate: { S001: rate, S002: 0 },
    indicators: {
      primary: { degree_above: stat, backbone: stat, pe_arts: stat },
      junior: {
        degree_above: { ...stat, limit: 0.45 },
        backbone: { ...stat, limit: 0.45 },
        pe_arts: { ...stat, limit: 0.45 },
      },
    },
  };
}

function samplePlan(): Plan {
  return {
    plan: {
      id: 'plan-2026-abc',
      county: '登封市',
      year: 2026,
      status: 'draft',
      policy: { ...DEFAULT_POLICY, year: 2026 },
      snapshot_hash: 'sha256:0',
      solver: {
        name: 'highs',
        version: '1.15.3',
        objective: 12.5,
        lp_bound: 12.5,
        gap: 0,
        status: 'optimal',
      },
      flags: [
        {
          rule: 'min_backbone_share',
          message: 'too few backbone teachers',
          message_zh: '骨干教师不足',
          detail: { shortfall: 1 },
        },
      ],
    },
    moves: [
      {
        teacher_id: 'T0001',
        from_school: 'S001',
        to_school: 'S002',
        subject: 'music',
        kind: 'rotation',
        term_years: 3,
        reasons: ['fills music shortage at S002 (rural)', '16 years at S001'],
        reasons_zh: ['补足S002（农村）音乐缺口', '在S001任教16年'],
      },
      {
        teacher_id: 'T0003',
        from_school: 'S002',
        to_school: 'S001',
        subject: 'chinese',
        kind: 'allocation',
        reasons: ['head for two terms'],
        reasons_zh: ['任满两届'],
        role: 'principal',
      },
    ],
    metrics: { before: metrics(1, 0, 0.6), after: metrics(0, 0.2, 0.4) },
  };
}

describe('writePlan', () => {
  it('writes plan.json as pretty JSON with a final newline, the same bytes every time', async () => {
    const dir = await tempDir();
    await writePlan(samplePlan(), join(dir, 'a.json'), 'json');
    await writePlan(samplePlan(), join(dir, 'b.json'), 'json');
    const a = await readFile(join(dir, 'a.json'));
    expect(a.equals(await readFile(join(dir, 'b.json')))).toBe(true);
    expect(a.toString('utf8')).toBe(JSON.stringify(samplePlan(), null, 2) + '\n');
    expect(JSON.parse(a.toString('utf8'))).toEqual(samplePlan());
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json']);
  });

  it('writes an XLSX workbook with moves, schools, metrics and flags sheets', async () => {
    const file = join(await tempDir(), 'nested', 'plan.xlsx');
    await writePlan(samplePlan(), file, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '调动名单 moves',
      '学校汇总 schools',
      '指标 metrics',
      '说明 flags',
    ]);
    expect(workbook.created.toISOString()).toBe('2026-09-01T00:00:00.000Z');

    const moves = workbook.getWorksheet('调动名单 moves')!;
    expect(moves.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(moves.getRow(1).getCell(1).value).toBe('教师编号 teacher id');
    expect(moves.getRow(2).values).toEqual([
      undefined,
      'T0001',
      'S001',
      'S002',
      '音乐',
      '交流轮岗 rotation',
      3,
      '',
      '补足S002（农村）音乐缺口；在S001任教16年',
      'fills music shortage at S002 (rural); 16 years at S001',
    ]);
    expect(moves.getRow(3).getCell(6).value).toBeNull();
    expect(moves.getRow(3).getCell(7).value).toBe('校长 principal');

    const schools = workbook.getWorksheet('学校汇总 schools')!;
    expect(schools.getRow(2).values).toEqual([undefined, 'S001', '', 1, 1, 0, 0.2]);
    expect(schools.getRow(3).values).toEqual([undefined, 'S002', '', 1, 1, 0, 0]);

    const metricRows = workbook.getWorksheet('指标 metrics')!.getSheetValues().slice(2) as unknown[][];
    const byLabel = new Map(metricRows.map((row) => [String(row[1]), row]));
    expect(byLabel.get('缺编（FTE）音乐 shortage music')?.slice(2, 4)).toEqual([1, 0]);
    expect(byLabel.get('全县轮岗率 county rotation rate')?.slice(2, 6)).toEqual([
      0,
      0.2,
      '0.1–0.25',
      '是 yes',
    ]);
    expect(byLabel.get('交流人员中骨干占比 backbone share of movers')?.slice(2, 6)).toEqual([
      0,
      0.5,
      '≥ 0.2',
      '是 yes',
    ]);
    const cvRows = metricRows.filter((row) => String(row[1]).endsWith('差异系数 CV'));
    expect(cvRows).toHaveLength(6);
    expect(cvRows[0].slice(2, 6)).toEqual([0.6, 0.4, '≤ 0.5', '是 yes']);

    const flags = workbook.getWorksheet('说明 flags')!;
    expect(flags.getRow(2).values).toEqual([
      undefined,
      'min_backbone_share',
      '骨干教师不足',
      'too few backbone teachers',
      'shortfall=1',
    ]);
  });

  it('adds school and teacher names when given the snapshot', async () => {
    const file = join(await tempDir(), 'named.xlsx');
    const snapshot = {
      schools: [{ code: 'S001', name: '城关小学' }],
      teachers: [{ id: 'T0001', name: '张伟' }],
    } as unknown as import('@tr/domain').Snapshot;
    await writePlan(samplePlan(), file, 'xlsx', { snapshot });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const row = workbook.getWorksheet('调动名单 moves')!.getRow(2);
    expect([row.getCell(2).value, row.getCell(3).value]).toEqual(['张伟', 'S001 城关小学']);
    expect(workbook.getWorksheet('学校汇总 schools')!.getRow(2).getCell(2).value).toBe('城关小学');
  });
});
