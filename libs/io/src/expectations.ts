import { localized, SUBJECTS, type Localized } from '@tr/domain';

/** The "expected" texts of snapshot issues, in one place so the wording stays consistent. */
export const EXPECT = {
  required: localized('必填值', 'a value (this column is required)'),
  date: localized('YYYY-MM-DD 格式的真实日期', 'a real calendar date as YYYY-MM-DD'),
  count: localized('非负整数', 'a non-negative integer'),
  boolean: localized('true 或 false', 'true or false'),
  subject: localized(
    `学科代码之一：${SUBJECTS.join(', ')}`,
    `a subject code, one of: ${SUBJECTS.join(', ')}`,
  ),
  nationalId: localized(
    '18 位身份证号（17 位数字加一位数字或 X）',
    'an 18-character ID number (17 digits, then a digit or X)',
  ),
  oneOf: (values: readonly string[]): Localized =>
    localized(`以下之一：${values.join(', ')}`, `one of: ${values.join(', ')}`),
  range: (min: number, max: number, integer = false): Localized =>
    localized(
      `${min} 到 ${max} 之间的${integer ? '整数' : '数'}`,
      `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
    ),
  positive: localized('大于 0 的数', 'a number greater than 0'),
  atLeastZero: localized('不小于 0 的数', 'a number of at least 0'),
  missingColumn: (column: string): Localized =>
    localized(`缺少必需的列 ${column}`, `the required column ${column}, which is missing`),
  duplicateColumn: (column: string): Localized =>
    localized(`列名 ${column} 只出现一次`, `column ${column} only once`),
  missingSheet: (sheet: string): Localized =>
    localized(
      `必需的工作表 ${sheet}（文件夹形式为 ${sheet}.csv）`,
      `the required sheet ${sheet} (${sheet}.csv in a folder), which is missing`,
    ),
  someRows: (what: Localized): Localized =>
    localized(`至少一行${what.zh}数据`, `at least one row of ${what.en} below the header`),
  duplicate: (what: Localized, firstRow: number): Localized =>
    localized(
      `唯一的${what.zh}（与第 ${firstRow} 行重复）`,
      `a unique ${what.en} (already used in row ${firstRow})`,
    ),
};
