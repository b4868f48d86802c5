import { highestWithinGap, penaltyCost, relativeGap } from './gaps';
import { LinearModelBuilder } from './linear-model';

describe(highestWithinGap.name, () => {
  it('inverts relativeGap for bounds of any sign and size', () => {
    const gap = 4.5e-3;
    for (const bound of [21170.36, 1, 0.999, 0.2, 0, -0.5, -1, -1.004, -3, -24414.1]) {
      const value = highestWithinGap(bound, gap);
      expect(value).toBeGreaterThanOrEqual(bound);
      expect(relativeGap(value, bound)).toBeCloseTo(gap, 12);
      // A little costlier is outside the gap.
      expect(relativeGap(value + 1e-6 * Math.max(1, Math.abs(value)), bound)).toBeGreaterThan(gap);
    }
  });

  it('accepts nothing against an unknown bound', () => {
    expect(highestWithinGap(-Infinity, 4.5e-3)).toBe(-Infinity);
  });

  it('inverts relativeGap measured without a fixed part, such as a relaxed rule’s penalty', () => {
    const gap = 4.5e-3;
    // 10,000 above the bound is a third of what the plan costs beyond its million-unit penalty.
    expect(relativeGap(1_030_000, 1_020_000, 1_000_000)).toBeCloseTo(1 / 3, 12);
    for (const [bound, fixed] of [
      [1_020_000, 1_000_000],
      [21170.36, 0],
      [1_000_000.5, 1_000_000],
      [-5_000, -10_000],
    ]) {
      const value = highestWithinGap(bound, gap, fixed);
      expect(value).toBeGreaterThanOrEqual(bound);
      expect(relativeGap(value, bound, fixed)).toBeCloseTo(gap, 9);
      expect(relativeGap(value + 1e-3, bound, fixed)).toBeGreaterThan(gap);
    }
  });
});

describe(penaltyCost.name, () => {
  it('sums what the penalty columns cost at the given values', () => {
    const b = new LinearModelBuilder();
    b.column('slack', 1_000_000, 0, 1, false, []);
    b.column('move', 2, 0, 3, true, []);
    b.column('cv_growth', 2_000, 0, Infinity, false, []);
    const model = b.build();
    expect(penaltyCost(model, Float64Array.of(1, 3, 0.5), [0, 2])).toBe(1_001_000);
    expect(penaltyCost(model, Float64Array.of(1, 3, 0.5))).toBe(0);
  });

  it('counts, against a reference point, only what both points pay, column by column', () => {
    const b = new LinearModelBuilder();
    b.column('slack', 1_000_000, 0, 1, false, []);
    b.column('cv_growth', 2_000, 0, Infinity, false, []);
    const model = b.build();
    // The plan pays the LP's slack and three times its CV growth: the shared part is the slack and the
    // LP's growth; the plan's extra growth is what it is above the bound.
    const plan = Float64Array.of(1, 1.5);
    const lp = Float64Array.of(1, 0.5);
    expect(penaltyCost(model, plan, [0, 1], lp)).toBe(1_001_000);
    expect(penaltyCost(model, lp, [0, 1], plan)).toBe(1_001_000);
    expect(penaltyCost(model, plan, [0, 1], Float64Array.of(0, 2))).toBe(3_000);
  });
});
