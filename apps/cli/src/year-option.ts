import { POLICY_LIMITS } from '@tr/domain';
import { UsageError } from './usage-error';

/** `--year YYYY`: the school year of a snapshot whose policy sheet has none. */
export function parseYearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  // The same range as the policy sheet's year, so a typo is caught here rather than planned for.
  const { min, max } = POLICY_LIMITS.year;
  if (!Number.isInteger(year) || year < min || year > max)
    throw new UsageError(
      `--year 必须是 ${min} 到 ${max} 之间的年份 / --year must be a year from ${min} to ${max}, got "${value}"`,
    );
  return year;
}
