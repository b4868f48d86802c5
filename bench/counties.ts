import { generateCounty, PRESETS, type PresetSpec } from '@tr/samples';
import type { Snapshot } from '@tr/domain';

/** The sample counties the benchmark runs on, by key. */
export const COUNTY_KEYS = ['county-1k', 'dengfeng', 'hohhot', 'prefecture'] as const;
export type CountyKey = (typeof COUNTY_KEYS)[number];

/**
 * Dengfeng scaled down to about 1,000 teachers: school counts, pupils and teachers by the same factor,
 * the cluster radius by its square root (same school density).
 */
export function scaledDengfeng(teachers: number): PresetSpec {
  const base = PRESETS.dengfeng;
  const factor = teachers / base.teachers;
  const scaleCount = (n: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * factor)));
  return {
    ...base,
    name: `登封市(样例, ${teachers} 人)`,
    schools: {
      primary: scaleCount(base.schools.primary),
      junior: scaleCount(base.schools.junior),
      nine_year: scaleCount(base.schools.nine_year),
      special: scaleCount(base.schools.special),
    },
    pupils: {
      primary: Math.round(base.pupils.primary * factor),
      junior: Math.round(base.pupils.junior * factor),
      special: Math.round(base.pupils.special * factor),
    },
    teachers,
    countyRadiusKm: base.countyRadiusKm * Math.sqrt(factor),
    districtsPerCounty: Math.max(1, Math.round(base.districtsPerCounty * factor)),
  };
}

export function isCountyKey(key: string): key is CountyKey {
  return (COUNTY_KEYS as readonly string[]).includes(key);
}

export function generateBenchCounty(key: CountyKey, seed: number): Snapshot {
  return key === 'county-1k' ? generateCounty(scaledDengfeng(1_000), seed) : generateCounty(key, seed);
}
