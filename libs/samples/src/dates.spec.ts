import { dayFromIso, dayNumber, isoFromDay } from './dates';

describe('day numbers', () => {
  it('agree with Date.UTC over two centuries', () => {
    const mismatches: string[] = [];
    for (let day = dayNumber(1900, 1, 1); day <= dayNumber(2100, 12, 31); day += 7) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoFromDay(day) !== expected || dayFromIso(expected) !== day) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
  });

  it('roll an impossible day over as Date.UTC does', () => {
    expect(isoFromDay(dayNumber(2023, 2, 29))).toBe('2023-03-01');
    expect(dayNumber(1970, 1, 1)).toBe(0);
  });
});
