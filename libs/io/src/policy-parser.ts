import {
  DEFAULT_POLICY,
  localized,
  type Localized,
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
      const value = r.number(
        'value',
        true,
        (n) => acceptsPolicyValue(key as PolicyKey, n),
        policyValueExpected(key as PolicyKey),
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
      expected: table
        ? localized(
            '一行 key 为 year 的计划学年（如 2026）',
            'a row with key year giving the plan’s school year (e.g. 2026)',
          )
        : // Without the sheet every other key takes its default, but the year has none.
          localized(
            '工作表 policy（文件夹形式为 policy.csv）及其中 key 为 year 的一行，或命令行参数 --year 给出计划学年',
            'the sheet policy (policy.csv in a folder) with a row of key year, or the --year option, giving the plan’s school year',
          ),
    });
  }
  const policy: Policy = { ...DEFAULT_POLICY, ...values, year: year ?? 0 };
  const order = rateOrderExpected(policy);
  if (order) {
    const at = rowOf.get('max_rotation_rate') ?? rowOf.get('min_rotation_rate');
    at?.issue('value', at.text('value'), order);
  }
  return { policy, county };
}

/** Whether `value` is allowed for `key`: POLICY_LIMITS' range, and whole numbers where required. */
export function acceptsPolicyValue(key: PolicyKey, value: number): boolean {
  const { min, max, integer } = POLICY_LIMITS[key];
  return Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
}

export function policyValueExpected(key: PolicyKey): Localized {
  const { min, max, integer } = POLICY_LIMITS[key];
  return EXPECT.range(min, max, integer);
}

/** What is expected when the minimum rotation rate is above the maximum; undefined when it is not. */
export function rateOrderExpected(policy: Policy): Localized | undefined {
  if (policy.min_rotation_rate <= policy.max_rotation_rate) return undefined;
  return localized(
    `min_rotation_rate（${policy.min_rotation_rate}）不大于 max_rotation_rate（${policy.max_rotation_rate}）`,
    `min_rotation_rate (${policy.min_rotation_rate}) not above max_rotation_rate (${policy.max_rotation_rate})`,
  );
}

export interface PolicyOverrideProblem {
  key: string;
  value: unknown;
  expected: Localized;
}

/**
 * Applies a plan's overrides to the county's policy under the same rules as the policy sheet. The
 * year is the plan's own and cannot be overridden; an unknown key is a problem, not ignored, because
 * an override that silently does nothing would mislead whoever asked for it.
 */
export function applyPolicyOverrides(
  base: Policy,
  overrides: Record<string, unknown>,
): { policy: Policy; problems: PolicyOverrideProblem[] } {
  const problems: PolicyOverrideProblem[] = [];
  const policy: Policy = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'year' || !(POLICY_KEYS as string[]).includes(key)) {
      const known = POLICY_KEYS.filter((k) => k !== 'year').join(', ');
      problems.push({
        key,
        value,
        expected: localized(`策略键之一：${known}`, `a policy key, one of: ${known}`),
      });
    } else if (typeof value !== 'number' || !acceptsPolicyValue(key as PolicyKey, value)) {
      problems.push({ key, value, expected: policyValueExpected(key as PolicyKey) });
    } else {
      policy[key as PolicyKey] = value;
    }
  }
  const order = rateOrderExpected(policy);
  if (order) {
    const key =
      'max_rotation_rate' in overrides || !('min_rotation_rate' in overrides)
        ? 'max_rotation_rate'
        : 'min_rotation_rate';
    problems.push({ key, value: policy[key], expected: order });
  }
  return { policy, problems };
}
