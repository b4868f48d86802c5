import { planJson } from '@tr/io';
import { makeSchool, makeSnapshot, makeTeachers, NEWCOMER } from '@tr/validator/testing/snapshot-factory';
import { validatePlan } from '@tr/validator';
import { optimizePlan } from './optimize-plan';

/** Two clusters of schools 500 km apart, too many teachers for one region: two that never exchange. */
function twoClusterCounty() {
  const cluster = (prefix: string, lat: number) => ({
    schools: [
      makeSchool(`${prefix}1`, { area: 'urban', lat, lng: 113.6 }),
      makeSchool(`${prefix}2`, { area: 'rural', lat: lat + 0.05, lng: 113.7 }),
    ],
    teachers: [
      ...makeTeachers(6, `${prefix}1`, { subject: 'chinese' }),
      ...makeTeachers(3, `${prefix}1`, { subject: 'music' }),
      ...makeTeachers(4, `${prefix}1`, { subject: 'math', backbone: 'county' }),
      ...makeTeachers(2, `${prefix}2`, { subject: 'chinese', ...NEWCOMER }),
      ...makeTeachers(1, `${prefix}2`, { subject: 'math', ...NEWCOMER }),
    ],
  });
  const north = cluster('N', 39.9);
  const south = cluster('S', 34.8);
  return makeSnapshot({
    schools: [...north.schools, ...south.schools],
    teachers: [...north.teachers, ...south.teachers],
  });
}

describe('optimizePlan with worker threads', () => {
  it('solves regions on worker threads and gives the same plan, byte for byte, as on one thread', async () => {
    const snapshot = twoClusterCounty();
    const single = await optimizePlan(snapshot, { threads: 1, maxTeachersPerRegion: 20 });
    const threaded = await optimizePlan(snapshot, { threads: 2, maxTeachersPerRegion: 20 });

    expect(threaded.stats.regions).toBe(2);
    expect(threaded.plan.moves.length).toBeGreaterThan(0);
    expect(planJson(threaded.plan)).toBe(planJson(single.plan));
    expect(validatePlan(snapshot, threaded.plan).violations).toEqual([]);
  });
});
