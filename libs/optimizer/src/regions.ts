import { PLANNING_DISTANCE_MARGIN, distanceKm, type CountyContext, type School } from '@tr/domain';

/**
 * Splits a county too large for one model (the wasm heap ends at 2 GiB) into regions solved one by one.
 * Each region meets the rate and backbone rules on its own, which implies them county-wide
 * (Σ⌈rEᵣ⌉ ≥ ⌈rE⌉, Σ⌊rEᵣ⌋ ≤ ⌊rE⌋), and cuts its own part of each coefficient of variation: sufficient,
 * but more than the county needs, so a county that fits one model is one region. A larger one is split
 * first where schools are beyond each other's reach (`max_distance_km`: they never exchange teachers),
 * then, a component still too large, by school district, the unit the seeds run cross-school
 * competition in.
 */
export function planningRegions(context: CountyContext, maxTeachersPerRegion: number): string[][] {
  const schools = [...context.snapshot.schools].sort((a, b) => (a.code < b.code ? -1 : 1));
  const staffOf = (list: readonly School[]) =>
    list.reduce((sum, s) => sum + (context.teachersBySchool.get(s.code)?.length ?? 0), 0);
  // Split by reach, a school nobody can reach would have to meet the minimum rate and cut its own share of
  // each coefficient of variation alone, where the schools that can exchange could make up for it.
  if (staffOf(schools) <= maxTeachersPerRegion) return [schools.map((s) => s.code)];
  const limit = context.snapshot.policy.max_distance_km * (1 - PLANNING_DISTANCE_MARGIN);
  const parent = schools.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < schools.length; i++) {
    for (let j = i + 1; j < schools.length; j++) {
      const km = distanceKm(schools[i], schools[j]);
      if (km === undefined || km <= limit) parent[find(i)] = find(j);
    }
  }
  const components = new Map<number, School[]>();
  schools.forEach((school, i) => {
    const root = find(i);
    const list = components.get(root);
    if (list) list.push(school);
    else components.set(root, [school]);
  });
  const regions: string[][] = [];
  for (const component of components.values()) {
    if (staffOf(component) <= maxTeachersPerRegion) regions.push(component.map((s) => s.code));
    else regions.push(...splitByDistrict(component, staffOf, maxTeachersPerRegion));
  }
  return regions.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Whole districts, packed greedily in code order into regions under the size limit. */
function splitByDistrict(
  schools: School[],
  staff: (list: readonly School[]) => number,
  max: number,
): string[][] {
  const byDistrict = new Map<string, School[]>();
  for (const school of schools) {
    const key = school.district ?? '';
    const list = byDistrict.get(key);
    if (list) list.push(school);
    else byDistrict.set(key, [school]);
  }
  const regions: string[][] = [];
  let current: School[] = [];
  for (const key of [...byDistrict.keys()].sort()) {
    const district = byDistrict.get(key)!;
    if (current.length > 0 && staff(current) + staff(district) > max) {
      regions.push(current.map((s) => s.code));
      current = [];
    }
    current.push(...district);
  }
  if (current.length > 0) regions.push(current.map((s) => s.code));
  return regions;
}
