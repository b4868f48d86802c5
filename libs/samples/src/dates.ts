import type { IsoDate } from '@tr/domain';

/**
 * Dates as whole day numbers since 1970-01-01 in the proleptic Gregorian calendar, converted with
 * plain integer arithmetic (Hinnant's days-from-civil): no time zones, and fast enough to run a few
 * hundred thousand times per prefecture.
 */

export const DAYS_PER_YEAR = 365.2425;

export function dayNumber(year: number, month: number, day: number): number {
  // Months beyond the year roll over, as Date.UTC does (used for Feb 29 → Mar 1).
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 + (m0 > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(day: number): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function isoFromDay(day: number): IsoDate {
  const c = civilFromDay(day);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}

export function dayFromIso(value: IsoDate): number {
  return dayNumber(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

export function yearOf(day: number): number {
  return civilFromDay(day).year;
}
