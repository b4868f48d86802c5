import { fullYearsBetween, isValidIsoDate, parseIsoDate, schoolYearStart } from './dates';

describe(fullYearsBetween.name, () => {
  it('completes a year on the anniversary day, not the day before', () => {
    expect(fullYearsBetween('1990-09-01', '2026-09-01')).toBe(36);
    expect(fullYearsBetween('1990-09-02', '2026-09-01')).toBe(35);
    expect(fullYearsBetween('1990-08-31', '2026-09-01')).toBe(36);
  });

  it('counts a February 29 birthday as completed on March 1 of a common year', () => {
    expect(fullYearsBetween('2000-02-29', '2001-02-28')).toBe(0);
    expect(fullYearsBetween('2000-02-29', '2001-03-01')).toBe(1);
  });

  it('counts a February 29 birthday on February 29 of a leap year', () => {
    expect(fullYearsBetween('2000-02-29', '2004-02-28')).toBe(3);
    expect(fullYearsBetween('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('is 0 on the same day and within the first year', () => {
    expect(fullYearsBetween('2026-09-01', '2026-09-01')).toBe(0);
    expect(fullYearsBetween('2025-09-02', '2026-09-01')).toBe(0);
  });
});

describe(isValidIsoDate.name, () => {
  it('accepts real calendar dates, leap days included', () => {
    expect(isValidIsoDate('2023-01-31')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects days a month does not have', () => {
    expect(isValidIsoDate('2023-02-30')).toBe(false);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2023-04-31')).toBe(false);
    expect(isValidIsoDate('2023-13-01')).toBe(false);
    expect(isValidIsoDate('2023-00-10')).toBe(false);
  });

  it('rejects anything but YYYY-MM-DD', () => {
    expect(isValidIsoDate('2023-2-3')).toBe(false);
    expect(isValidIsoDate('2023/02/03')).toBe(false);
    expect(isValidIsoDate('2023-02-03T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(' 2023-02-03')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });
});

describe(parseIsoDate.name, () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-09-01')).toEqual({ year: 2026, month: 9, day: 1 });
  });
});

describe(schoolYearStart.name, () => {
  it('is September 1 of the year', () => {
    expect(schoolYearStart(2026)).toBe('2026-09-01');
  });
});
