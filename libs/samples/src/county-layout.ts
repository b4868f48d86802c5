import { hexSpiralOffset, offsetKm, type Point } from './geography';
import { townStems } from './names';
import type { CountySpec, PresetSpec } from './presets';
import type { Rng } from './random';

/** A township: its seat is where its town school stands and its villages cluster round it. */
export interface Town {
  name: string;
  seat: Point;
  /** Index into the county's districts. */
  district: number;
}

export interface CountyLayout {
  index: number;
  spec: CountySpec;
  center: Point;
  radiusKm: number;
  towns: Town[];
  /** Districts 0 … urbanDistricts-1 cover the county town; the rest group townships. */
  urbanDistricts: number;
  districts: number;
}

/** Townships per county: Dengfeng has 14 for 94 schools; bigger systems have more, up to a limit. */
function townCount(schools: number): number {
  return Math.max(3, Math.min(28, Math.round(1.5 * Math.sqrt(schools))));
}

/**
 * Places counties on a hexagonal grid (neighbours `countySpacingKm` apart, so most cross-county pairs
 * of schools are beyond the 60 km rotation limit) and townships around each county town.
 */
export function layOutCounties(
  spec: PresetSpec,
  schoolsPerCounty: readonly number[],
  rng: Rng,
): CountyLayout[] {
  const used = new Set(spec.counties.flatMap((c) => c.towns ?? []).map((t) => t.slice(0, -1)));
  const pool = rng.shuffle(townStems().filter((stem) => !used.has(stem)));
  return spec.counties.map((county, index) => {
    const jitter = spec.counties.length > 1 ? spec.countySpacingKm * 0.08 : 0;
    const grid = hexSpiralOffset(index, spec.countySpacingKm);
    const center = offsetKm(
      spec.center,
      grid.east + rng.float(-jitter, jitter),
      grid.north + rng.float(-jitter, jitter),
    );
    const wanted = townCount(schoolsPerCounty[index]);
    const names = (county.towns ?? []).slice(0, wanted);
    while (names.length < wanted) {
      const stem = pool.pop();
      if (stem === undefined) throw new Error('ran out of township names');
      names.push(stem + (rng.chance(0.7) ? '镇' : '乡'));
    }
    const urbanDistricts = schoolsPerCounty[index] >= 150 ? 2 : 1;
    const townDistricts = Math.max(1, Math.min(names.length, spec.districtsPerCounty - urbanDistricts));
    const turn = rng.float(0, 2 * Math.PI);
    // Townships evenly round the county town, so neighbouring ones (by angle) share a district.
    const towns = names.map((name, i) => {
      const angle = turn + (2 * Math.PI * (i + rng.float(-0.3, 0.3))) / names.length;
      const distance = spec.countyRadiusKm * rng.float(0.35, 0.78);
      return {
        name,
        seat: offsetKm(center, distance * Math.cos(angle), distance * Math.sin(angle)),
        district: urbanDistricts + Math.floor((i * townDistricts) / names.length),
      };
    });
    return {
      index,
      spec: county,
      center,
      radiusKm: spec.countyRadiusKm,
      towns,
      urbanDistricts,
      districts: urbanDistricts + townDistricts,
    };
  });
}
