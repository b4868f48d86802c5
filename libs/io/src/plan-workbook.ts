import ExcelJS from 'exceljs';
import {
  INDICATORS,
  SUBJECT_NAMES_ZH,
  SUBJECTS,
  type IndicatorName,
  type Plan,
  type PlanMetricsSnapshot,
  type Snapshot,
} from '@tr/domain';

/** Optional context that makes the workbook friendlier: names next to codes. */
export interface PlanWorkbookContext {
  snapshot?: Snapshot;
}

const KIND_ZH = { rotation: '交流轮岗', allocation: '组织调剂' } as const;
const ROLE_ZH = { principal: '校长', vice_principal: '副校长' } as const;
const STAGE_ZH = { primary: '小学', junior: '初中' } as const;
const INDICATOR_LABEL: Record<IndicatorName, [string, string]> = {
  degree_above: ['高于规定学历教师', 'teachers above required degree'],
  backbone: ['县级及以上骨干教师', 'county-or-higher backbone teachers'],
  pe_arts: ['体育艺术教师', 'PE and arts teachers'],
};
const PERCENT = '0.0%';
const DECIMAL = '0.00';

/** The plan as a workbook for an HR officer: moves, per-school totals, metrics, and the plan's flags. */
export function buildPlanWorkbook(plan: Plan, context: PlanWorkbookContext = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates so the same plan gives the same workbook, whenever it is written.
  workbook.created = workbook.modified = new Date(Date.UTC(plan.plan.year, 8, 1));
  workbook.creator = 'teacher-rotation';
  workbook.title = `${plan.plan.county} ${plan.plan.year} 教师交流轮岗计划 / teacher rotation plan`;
  workbook.subject = plan.plan.id;
  const schoolNames = new Map(context.snapshot?.schools.map((s) => [s.code, s.name]));
  const teacherNames = new Map(context.snapshot?.teachers.map((t) => [t.id, t.name]));
  addMovesSheet(workbook, plan, schoolNames, teacherNames);
  addSchoolsSheet(workbook, plan, schoolNames);
  addMetricsSheet(workbook, plan);
  addFlagsSheet(workbook, plan);
  return workbook;
}

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** "S001 城关小学" when the name is known, else the code. */
function label(code: string, names: Map<string, string>): string {
  const name = names.get(code);
  return name ? `${code} ${name}` : code;
}

function addMovesSheet(
  workbook: ExcelJS.Workbook,
  plan: Plan,
  schoolNames: Map<string, string>,
  teacherNames: Map<string, string>,
): void {
  const withNames = teacherNames.size > 0;
  const sheet = addSheet(workbook, '调动名单 moves', [
    { header: '教师编号 teacher id', width: 14 },
    ...(withNames ? [{ header: '姓名 name', width: 10 }] : []),
    { header: '调出学校 from', width: 22 },
    { header: '调入学校 to', width: 22 },
    { header: '任教学科 subject', width: 12 },
    { header: '类型 kind', width: 12 },
    { header: '期限（年）term (years)', width: 10 },
    { header: '职务 role', width: 10 },
    { header: '理由 reasons (中文)', width: 50 },
    { header: 'reasons', width: 60 },
  ]);
  for (const move of plan.moves) {
    sheet.addRow([
      move.teacher_id,
      ...(withNames ? [teacherNames.get(move.teacher_id) ?? ''] : []),
      label(move.from_school, schoolNames),
      label(move.to_school, schoolNames),
      SUBJECT_NAMES_ZH[move.subject] ?? move.subject,
      `${KIND_ZH[move.kind]} ${move.kind}`,
      move.term_years ?? null,
      move.role ? `${ROLE_ZH[move.role]} ${move.role}` : '',
      move.reasons_zh.join('；'),
      move.reasons.join('; '),
    ]);
  }
}

function addSchoolsSheet(workbook: ExcelJS.Workbook, plan: Plan, schoolNames: Map<string, string>): void {
  const sheet = addSheet(workbook, '学校汇总 schools', [
    { header: '学校代码 school', width: 12 },
    { header: '学校名称 name', width: 22 },
    { header: '调出人数 movers out', width: 12 },
    { header: '调入人数 movers in', width: 12 },
    { header: '计划前轮岗率 rotation rate before', width: 16, numFmt: PERCENT },
    { header: '计划后轮岗率 rotation rate after', width: 16, numFmt: PERCENT },
  ]);
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const move of plan.moves) {
    out.set(move.from_school, (out.get(move.from_school) ?? 0) + 1);
    into.set(move.to_school, (into.get(move.to_school) ?? 0) + 1);
  }
  const { before, after } = plan.metrics;
  const codes = new Set([
    ...Object.keys(after.school_rotation_rate),
    ...Object.keys(before.school_rotation_rate),
    ...out.keys(),
    ...into.keys(),
  ]);
  for (const code of [...codes].sort()) {
    sheet.addRow([
      code,
      schoolNames.get(code) ?? '',
      out.get(code) ?? 0,
      into.get(code) ?? 0,
      before.school_rotation_rate[code] ?? null,
      after.school_rotation_rate[code] ?? null,
    ]);
  }
}

type MetricRow = [
  label: string,
  before: number,
  after: number,
  limit: string,
  met: boolean | undefined,
  numFmt: string,
];

function addMetricsSheet(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = addSheet(workbook, '指标 metrics', [
    { header: '指标 metric', width: 46 },
    { header: '计划前 before', width: 14 },
    { header: '计划后 after', width: 14 },
    { header: '要求 limit', width: 16 },
    { header: '计划后达标 met after', width: 14 },
  ]);
  for (const [name, before, after, limit, met, numFmt] of metricRows(plan)) {
    const row = sheet.addRow([name, before, after, limit, met === undefined ? '' : met ? '是 yes' : '否 no']);
    row.getCell(2).numFmt = numFmt;
    row.getCell(3).numFmt = numFmt;
  }
}

function metricRows(plan: Plan): MetricRow[] {
  const { before, after } = plan.metrics;
  const policy = plan.plan.policy;
  const both = (pick: (m: PlanMetricsSnapshot) => number | undefined): [number, number] => [
    pick(before) ?? 0,
    pick(after) ?? 0,
  ];
  const rows: MetricRow[] = [];
  for (const subject of SUBJECTS) {
    const [b, a] = both((m) => m.shortage_fte_by_subject[subject]);
    // A subject nobody is short of, before or after, would only lengthen the sheet.
    if (b === 0 && a === 0) continue;
    rows.push([`缺编（FTE）${SUBJECT_NAMES_ZH[subject]} shortage ${subject}`, b, a, '', undefined, DECIMAL]);
  }
  rows.push(['缺编合计（FTE）shortage total', ...both((m) => m.shortage_fte_total), '', undefined, DECIMAL]);
  rows.push([
    '农村紧缺学科缺编（FTE）rural scarce-subject shortage',
    ...both((m) => m.rural_scarce_shortage_fte),
    '',
    undefined,
    DECIMAL,
  ]);
  rows.push(['符合交流条件人数 eligible teachers', ...both((m) => m.eligible), '', undefined, '0']);
  rows.push(['交流人数 movers', ...both((m) => m.movers), '', undefined, '0']);
  const rate = after.county_rotation_rate;
  rows.push([
    '全县轮岗率 county rotation rate',
    ...both((m) => m.county_rotation_rate),
    `${policy.min_rotation_rate}–${policy.max_rotation_rate}`,
    rate >= policy.min_rotation_rate && rate <= policy.max_rotation_rate,
    PERCENT,
  ]);
  rows.push(['骨干教师交流人数 backbone movers', ...both((m) => m.backbone_movers), '', undefined, '0']);
  rows.push([
    '交流人员中骨干占比 backbone share of movers',
    ...both((m) => m.backbone_share),
    `≥ ${policy.min_backbone_share}`,
    after.backbone_share >= policy.min_backbone_share,
    PERCENT,
  ]);
  for (const stage of ['primary', 'junior'] as const) {
    for (const indicator of INDICATORS) {
      const [zh, en] = INDICATOR_LABEL[indicator];
      const stat = after.indicators?.[stage]?.[indicator];
      const name = `${STAGE_ZH[stage]}每百名学生${zh} ${stage} ${en} per 100 pupils`;
      rows.push([
        `${name}：均值 mean`,
        ...both((m) => m.indicators?.[stage]?.[indicator]?.mean),
        '',
        undefined,
        DECIMAL,
      ]);
      rows.push([
        `${name}：差异系数 CV`,
        ...both((m) => m.indicators?.[stage]?.[indicator]?.cv),
        stat ? `≤ ${stat.limit}` : '',
        stat ? stat.cv <= stat.limit : undefined,
        '0.000',
      ]);
    }
  }
  return rows;
}

function addFlagsSheet(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = addSheet(workbook, '说明 flags', [
    { header: '规则 rule', width: 24 },
    { header: '说明 message (中文)', width: 60 },
    { header: 'message', width: 60 },
    { header: '详情 detail', width: 40 },
  ]);
  for (const flag of plan.plan.flags) {
    const detail = Object.entries(flag.detail ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join('; ');
    sheet.addRow([flag.rule, flag.message_zh, flag.message, detail]);
  }
  if (plan.plan.flags.length === 0)
    sheet.addRow(['', '计划满足全部规则，无需说明。', 'The plan meets every rule; nothing to flag.', '']);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}
