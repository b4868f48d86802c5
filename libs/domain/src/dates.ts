import type { IsoDate } from './model';

/** Calendar arithmetic on `YYYY-MM-DD` strings; no time zones, so results never depend on the machine. */

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  // Called for every teacher several times per plan: slicing the fixed positions avoids split's arrays.
  if (value.length === 10 && value[4] === '-' && value[7] === '-') {
    return {
      year: Number(value.slice(0, 4)),
      month: Number(value.slice(5, 7)),
      day: Number(value.slice(8, 10)),
    };
  }
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-30). */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { year, month, day } = parseIsoDate(value);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole years from `from` to `to`, as one counts an age: the anniversary day completes a year. */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Whole months from `from` to `to`; the monthly anniversary day completes a month. */
export function fullMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

/** The reference date of a plan: September 1 of its school year (FORMATS.md). */
export function schoolYearStart(year: number): IsoDate {
  return `${year}-09-01`;
}
