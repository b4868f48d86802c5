import { fullYearsBetween, type IsoDate } from '@tr/domain';
import { dayFromIso, dayNumber, DAYS_PER_YEAR, isoFromDay, yearOf } from './dates';
import type { Rng } from './random';

/**
 * Birth, hiring and arrival dates, consistent with each other and with the reference date
 * (September 1 of the plan's year): nobody is past retirement, nobody was hired before ~21.
 */

export interface CareerDates {
  birthDate: IsoDate;
  hiredOn: IsoDate;
  atSchoolSince: IsoDate;
}

/** A birth date that makes the teacher exactly `ageYears` (fractional) old on `reference`, kept below `limit`. */
export function birthDateFor(reference: IsoDate, ageYears: number, limitAge: number): IsoDate {
  let day = dayFromIso(reference) - Math.round(ageYears * DAYS_PER_YEAR);
  while (fullYearsBetween(isoFromDay(day), reference) >= limitAge) day += 30;
  return isoFromDay(day);
}

/** Most postings start with the school year; the rest fall on any day. */
function schoolYearStartOnOrBefore(day: number, rng: Rng): number {
  if (!rng.chance(0.8)) return day;
  const year = yearOf(day);
  const start = dayNumber(year, 9, 1);
  return start <= day ? start : dayNumber(year - 1, 9, 1);
}

export interface TenureChoice {
  /** Years at the school (fractional), or undefined to draw the usual mix. */
  yearsAtSchool?: number;
  /** Hired within the last three years (service period of new and 特岗 teachers). */
  recentHire?: boolean;
  /** Share of teachers with 6+ years of service who have been 6+ years at their school. */
  longStayShare: number;
}

export function careerDates(
  rng: Rng,
  reference: IsoDate,
  birthDate: IsoDate,
  choice: TenureChoice,
): CareerDates {
  const ref = dayFromIso(reference);
  const lastDay = ref - 1;
  const birth = dayFromIso(birthDate);
  const earliestHire = birth + Math.ceil(21 * DAYS_PER_YEAR);
  let hire: number;
  if (choice.recentHire) {
    hire = ref - Math.round(rng.float(0.05, 2.9) * DAYS_PER_YEAR);
  } else {
    const hireAge = 22 + Math.abs(rng.normal(0, 1.5));
    hire = schoolYearStartOnOrBefore(birth + Math.round(hireAge * DAYS_PER_YEAR), rng);
  }
  hire = Math.min(Math.max(hire, earliestHire), lastDay);
  const careerYears = (ref - hire) / DAYS_PER_YEAR;

  let years: number;
  if (choice.recentHire) years = careerYears;
  else if (choice.yearsAtSchool !== undefined) years = Math.min(choice.yearsAtSchool, careerYears);
  else if (careerYears >= 6 && rng.chance(choice.longStayShare))
    years = 6 + (careerYears - 6) * rng.next() ** 1.5;
  else years = rng.float(0, Math.min(careerYears, 6));

  let since = choice.recentHire
    ? hire
    : schoolYearStartOnOrBefore(ref - Math.round(years * DAYS_PER_YEAR), rng);
  since = Math.min(Math.max(since, hire), lastDay);
  return { birthDate, hiredOn: isoFromDay(hire), atSchoolSince: isoFromDay(since) };
}
