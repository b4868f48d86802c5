import { INDICATORS, localized, STAGES, type Localized, type Plan } from '@tr/domain';
import type { Violation } from '../violation';
import { isRecord } from './rule-input';

/** What a field must hold: FORMATS.md "Output: a plan", with the metric names this product writes. */
type FieldCheck = (value: unknown) => boolean;

const isText: FieldCheck = (value) => typeof value === 'string' && value.length > 0;
const isInteger: FieldCheck = (value) => Number.isInteger(value);
const isNumber: FieldCheck = (value) => typeof value === 'number' && Number.isFinite(value);
const isNumberTable: FieldCheck = (value) => isRecord(value) && Object.values(value).every(isNumber);
const isTextList: FieldCheck = (value) => Array.isArray(value) && value.length > 0 && value.every(isText);
const isSolver: FieldCheck = (value) => isRecord(value) && isText(value.name) && isText(value.version);

const EXPECTED = {
  text: localized('非空文本', 'a non-empty text'),
  integer: localized('整数', 'a whole number'),
  number: localized('数值', 'a number'),
  object: localized('对象', 'an object'),
  list: localized('数组', 'a list'),
  table: localized('以编码为键的数值表', 'a table of numbers by code'),
  textList: localized('非空文本数组', 'a non-empty list of non-empty texts'),
  solver: localized('含 name 与 version 的对象', 'an object with a name and a version'),
};

type Expected = keyof typeof EXPECTED;

const HEADER_FIELDS: ReadonlyArray<[string, FieldCheck, Expected]> = [
  ['id', isText, 'text'],
  ['county', isText, 'text'],
  ['year', isInteger, 'integer'],
  ['status', isText, 'text'],
  ['policy', isRecord, 'object'],
  ['snapshot_hash', isText, 'text'],
  ['solver', isSolver, 'solver'],
];

const MOVE_FIELDS: ReadonlyArray<[string, FieldCheck, Expected]> = [
  ['teacher_id', isText, 'text'],
  ['from_school', isText, 'text'],
  ['to_school', isText, 'text'],
  ['subject', isText, 'text'],
  ['kind', isText, 'text'],
  // Every move says why, in English and in Chinese.
  ['reasons', isTextList, 'textList'],
  ['reasons_zh', isTextList, 'textList'],
];

/** FORMATS.md: before and after, shortage by subject, each school's rotation rate, the backbone share, the CVs. */
const METRIC_FIELDS: ReadonlyArray<[string, FieldCheck, Expected]> = [
  ['shortage_fte_by_subject', isNumberTable, 'table'],
  ['school_rotation_rate', isNumberTable, 'table'],
  ['backbone_share', isNumber, 'number'],
];

/**
 * Rule 0: the plan has every field FORMATS.md asks of a plan.json, of the right type. The other rules
 * read only the moves, the flags and the header's year and policy; this one makes sure nothing a reader
 * of the plan relies on (its id, the reasons of each move, the metrics before and after) is missing.
 */
export function checkPlanFormat(plan: Plan): Violation[] {
  const violations: Violation[] = [];
  const missing = (path: string, expected: Expected, value: unknown) =>
    violations.push({
      rule: 'plan_format',
      message: localized(
        `方案字段 ${path} 应为${EXPECTED[expected].zh}，实为${describe(value).zh}`,
        `plan field ${path} must be ${EXPECTED[expected].en}, found ${describe(value).en}`,
      ),
    });
  const checkFields = (
    record: Record<string, unknown>,
    prefix: string,
    fields: ReadonlyArray<[string, FieldCheck, Expected]>,
  ) => {
    for (const [name, check, expected] of fields)
      if (!check(record[name])) missing(`${prefix}.${name}`, expected, record[name]);
  };

  const root = plan as unknown;
  if (!isRecord(root)) {
    missing('(root)', 'object', root);
    return violations;
  }
  if (isRecord(root.plan)) checkFields(root.plan, 'plan', HEADER_FIELDS);
  else missing('plan', 'object', root.plan);

  if (Array.isArray(root.moves)) {
    root.moves.forEach((move: unknown, i) => {
      if (isRecord(move)) checkFields(move, `moves[${i}]`, MOVE_FIELDS);
      else missing(`moves[${i}]`, 'object', move);
    });
  } else missing('moves', 'list', root.moves);

  if (!isRecord(root.metrics)) {
    missing('metrics', 'object', root.metrics);
    return violations;
  }
  for (const when of ['before', 'after'] as const) {
    const metrics = root.metrics[when];
    const prefix = `metrics.${when}`;
    if (!isRecord(metrics)) {
      missing(prefix, 'object', metrics);
      continue;
    }
    checkFields(metrics, prefix, METRIC_FIELDS);
    const indicators = metrics.indicators;
    for (const stage of STAGES) {
      for (const indicator of INDICATORS) {
        const stat =
          isRecord(indicators) && isRecord(indicators[stage]) ? indicators[stage][indicator] : undefined;
        const cv = isRecord(stat) ? stat.cv : undefined;
        if (!isNumber(cv)) missing(`${prefix}.indicators.${stage}.${indicator}.cv`, 'number', cv);
      }
    }
  }
  return violations;
}

function describe(value: unknown): Localized {
  if (value === undefined) return localized('缺失', 'nothing (missing)');
  const json = JSON.stringify(value);
  const text = json.length > 40 ? `${json.slice(0, 37)}...` : json;
  return localized(` ${text}`, text);
}
