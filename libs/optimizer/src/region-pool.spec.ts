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

  it('reports the LP rounds of every region from the worker threads, with a percent that never goes back', async () => {
    const snapshot = twoClusterCounty();
    const reports: { stage: string; percent: number; detail?: string }[] = [];
    await optimizePlan(snapshot, {
      threads: 2,
      maxTeachersPerRegion: 20,
      onProgress: (stage, percent, detail) => reports.push({ stage, percent, detail }),
    });

    const rounds = reports.filter((r) => r.detail?.includes('round'));
    for (const region of ['区域 region 1/2', '区域 region 2/2'])
      expect(rounds.some((r) => r.detail!.startsWith(`${region} · 第 1 轮 round 1`))).toBe(true);
    const percents = reports.map((r) => r.percent);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]);
    expect(reports.find((r) => r.detail === '2/2 region(s)')?.percent).toBe(90);
  });
});
