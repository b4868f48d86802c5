import {
  DEFAULT_POLICY,
  localized,
  POLICY_KEYS,
  POLICY_LIMITS,
  type Policy,
  type PolicyKey,
  type SnapshotIssue,
} from '@tr/domain';
import { EXPECT } from './expectations';
import { readRows, UniqueKeys, type RowReader } from './row-reader';
import { COUNTY_KEY, REQUIRED_COLUMNS } from './snapshot-columns';
import type { SheetTable } from './sheet-table';

export interface ParsedPolicy {
  policy: Policy;
  /** The `county` row's value, if any. */
  county?: string;
}

const POLICY_KEY = localized('策略键', 'policy key');

/** Reads the key/value policy sheet over DEFAULT_POLICY; `table` is undefined when the sheet is absent. */
export function parsePolicy(
  table: SheetTable | undefined,
  defaultYear: number | undefined,
  issues: SnapshotIssue[],
): ParsedPolicy {
  const values: Partial<Policy> = {};
  const rowOf = new Map<string, RowReader>();
  let county: string | undefined;
  const keys = new UniqueKeys();
  for (const r of table ? readRows(table, REQUIRED_COLUMNS.policy, issues) : []) {
    const key = r.required('key');
    if (key === undefined || !keys.claim(key, r, 'key', POLICY_KEY)) continue;
    rowOf.set(key, r);
    if (key === COUNTY_KEY) {
      county = r.optional('value');
    } else if ((POLICY_KEYS as string[]).includes(key)) {
      const { min, max, integer } = POLICY_LIMITS[key as PolicyKey];
      const value = r.number(
        'value',
        true,
        (n) => n >= min && n <= max && (!integer || Number.isInteger(n)),
        EXPECT.range(min, max, integer),
      );
      if (value !== undefined) values[key as PolicyKey] = value;
    }
    // Other keys belong to other tools; the format allows them.
  }

  const year = values.year ?? defaultYear;
  if (year === undefined && !rowOf.has('year')) {
    issues.push({
      sheet: 'policy',
      column: 'key',
      expected: localized(
        '一行 key 为 year 的计划学年（如 2026）',
        'a row with key year giving the plan’s school year (e.g. 2026)',
      ),
    });
  }
  const policy: Policy = { ...DEFAULT_POLICY, ...values, year: year ?? 0 };
  if (policy.min_rotation_rate > policy.max_rotation_rate) {
    const at = rowOf.get('max_rotation_rate') ?? rowOf.get('min_rotation_rate');
    at?.issue(
      'value',
      at.text('value'),
      localized(
        `min_rotation_rate（${policy.min_rotation_rate}）不大于 max_rotation_rate（${policy.max_rotation_rate}）`,
        `min_rotation_rate (${policy.min_rotation_rate}) not above max_rotation_rate (${policy.max_rotation_rate})`,
      ),
    );
  }
  return { policy, county };
}
