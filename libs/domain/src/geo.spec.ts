import { makeSchool } from '@tr/validator/testing/snapshot-factory';
import { distanceKm, PLANNING_DISTANCE_MARGIN, withinDistance } from './geo';

const at = (code: string, lat?: number, lng?: number) => makeSchool(code, { lat, lng });

describe(distanceKm.name, () => {
  it('measures Beijing–Shanghai within 0.5% of the WGS84 geodesic (1,065.85 km)', () => {
    const km = distanceKm(at('BJ', 39.9042, 116.4074), at('SH', 31.2304, 121.4737))!;
    expect(Math.abs(km - 1065.85) / 1065.85).toBeLessThan(0.005);
  });

  it('measures a county-scale pair within 0.5% (Zhengzhou–Dengfeng, 61.92 km)', () => {
    const km = distanceKm(at('ZZ', 34.7466, 113.6253), at('DF', 34.4534, 113.0509))!;
    expect(Math.abs(km - 61.92) / 61.92).toBeLessThan(0.005);
  });

  it('is 0 for one place and the same both ways', () => {
    const a = at('A', 34.75, 113.62);
    const b = at('B', 34.8, 113.7);
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a)!, 12);
  });

  it('is undefined when either school has no coordinates', () => {
    expect(distanceKm(at('A', 34.75, undefined), at('B', 34.8, 113.7))).toBeUndefined();
    expect(distanceKm(at('A', 34.75, 113.62), at('B'))).toBeUndefined();
  });
});

describe(withinDistance.name, () => {
  const a = at('A', 34.75, 113.62);
  const b = at('B', 34.8, 113.7);
  const km = distanceKm(a, b)!;

  it('holds the limit exactly without a margin, and keeps the margin clear with one', () => {
    expect(withinDistance(a, b, km)).toBe(true);
    expect(withinDistance(a, b, km * 0.999)).toBe(false);
    expect(withinDistance(a, b, km, PLANNING_DISTANCE_MARGIN)).toBe(false);
    expect(withinDistance(a, b, km / (1 - PLANNING_DISTANCE_MARGIN) + 1e-9, PLANNING_DISTANCE_MARGIN)).toBe(
      true,
    );
  });

  it('allows a move it cannot measure', () => {
    expect(withinDistance(a, at('X'), 0)).toBe(true);
  });
});
