import { median } from './median';
import { seedList } from './seed-list';

describe(seedList.name, () => {
  it('takes seeds and ranges in the order given, each once', () => {
    expect(seedList('3,1-4, 9')).toEqual([3, 1, 2, 4, 9]);
  });

  it('names the text it cannot read', () => {
    expect(() => seedList('0-2')).toThrow('got "0-2"');
    expect(() => seedList('4-2')).toThrow(/ranges such as 1-6,9/);
    expect(() => seedList('a')).toThrow('got "a"');
  });
});

describe(median.name, () => {
  it('is the middle value, the mean of the middle two for an even count, and null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
