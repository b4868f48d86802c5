import { apportion, roundPreservingSum } from './apportion';

describe('apportion', () => {
  it('splits a total into whole parts that add up exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.25, 0.25, 0.5]).reduce((a, b) => a + b, 0)).toBe(7);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
  });
});

describe('roundPreservingSum', () => {
  it('rounds each amount to its floor or ceiling and keeps the total', () => {
    const amounts = [0.3, 1.7, 2.5, 0.2, 4.3];
    const rounded = roundPreservingSum(amounts, 0.37);
    rounded.forEach((r, i) => expect([Math.floor(amounts[i]), Math.ceil(amounts[i])]).toContain(r));
    expect(rounded.reduce((a, b) => a + b, 0)).toBe(9);
  });
});
