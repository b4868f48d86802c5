import { distanceKm, type Area } from '@tr/domain';
import type { Rng } from './random';
import type { PlacedSchool } from './school-generator';

/**
 * Teachers' stated preferences: about 15% name one to three other schools in their own county, best
 * first, mostly county-town and township schools near where they are, now and then a village school.
 */

const PREFERENCE_SHARE = 0.15;
const AREA_PULL: Record<Area, number> = { urban: 4, town: 2, rural: 0.6 };
const DISTANCE_SCALE_KM = 20;

interface Candidates {
  codes: string[];
  weights: number[];
}

export class PreferenceSampler {
  private readonly candidates = new Map<string, Candidates>();

  constructor(
    private readonly schools: readonly PlacedSchool[],
    private readonly maxKm: number,
  ) {}

  draw(rng: Rng, schoolCode: string): string[] {
    if (!rng.chance(PREFERENCE_SHARE)) return [];
    const { codes, weights } = this.candidatesFor(schoolCode);
    const left = weights.slice();
    const picked: string[] = [];
    const wanted = rng.weighted<number>([
      [1, 0.45],
      [2, 0.35],
      [3, 0.2],
    ]);
    while (picked.length < wanted) {
      const total = left.reduce((a, b) => a + b, 0);
      if (total <= 0) break;
      let r = rng.next() * total;
      let k = 0;
      while (k < left.length - 1 && (r -= left[k]) >= 0) k++;
      picked.push(codes[k]);
      left[k] = 0;
    }
    return picked;
  }

  /** Other schools of the same county within reach, each weighted by its pull and nearness. */
  private candidatesFor(code: string): Candidates {
    const cached = this.candidates.get(code);
    if (cached) return cached;
    const home = this.schools.find((s) => s.school.code === code);
    const result: Candidates = { codes: [], weights: [] };
    if (home) {
      for (const other of this.schools) {
        if (other === home || other.county !== home.county) continue;
        const km = distanceKm(home.school, other.school) ?? 0;
        if (km > this.maxKm) continue;
        result.codes.push(other.school.code);
        result.weights.push(AREA_PULL[other.school.area] * Math.exp(-km / DISTANCE_SCALE_KM) + 0.01);
      }
    }
    this.candidates.set(code, result);
    return result;
  }
}
