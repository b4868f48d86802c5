import { PLANNING_DISTANCE_MARGIN, distanceKm, type CountyContext, type School } from '@tr/domain';

/**
 * Splits the county into regions solved one by one. Schools farther apart than `max_distance_km`
 * can never exchange teachers, so connected components of the "within reach" graph lose nothing. A
 * component too large for one model (the wasm heap ends at 2 GiB) is split by school district, the unit
 * the seeds run cross-school competition in; each region then meets the rate and backbone rules on its
 * own, which implies them county-wide (Σ⌈rEᵣ⌉ ≥ ⌈rE⌉, Σ⌊rEᵣ⌋ ≤ ⌊rE⌋).
 */
export function planningRegions(context: CountyContext, maxTeachersPerRegion: number): string[][] {
  const schools = [...context.snapshot.schools].sort((a, b) => (a.code < b.code ? -1 : 1));
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
  const staff = (list: readonly School[]) =>
    list.reduce((sum, s) => sum + (context.teachersBySchool.get(s.code)?.length ?? 0), 0);
  const regions: string[][] = [];
  for (const component of components.values()) {
    if (staff(component) <= maxTeachersPerRegion) regions.push(component.map((s) => s.code));
    else regions.push(...splitByDistrict(component, staff, maxTeachersPerRegion));
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
