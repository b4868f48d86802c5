import { UsageError } from './usage-error';

/** `--year YYYY`: the school year of a snapshot whose policy sheet has none. */
export function parseYearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year))
    throw new UsageError(`--year 必须是年份 / --year must be a year, got "${value}"`);
  return year;
}
