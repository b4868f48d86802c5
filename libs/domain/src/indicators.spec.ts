import { makeSchool } from '@tr/validator/testing/snapshot-factory';
import {
  CV_LIMITS,
  indicatorCounts,
  indicatorHits,
  stageIndicatorStats,
  stageWeight,
  totalPupils,
  weightedCv,
} from './indicators';
import type { IndicatorName } from './plan';

describe(weightedCv.name, () => {
  it('matches a hand-computed pupil-weighted example', () => {
    // X̄ = (100·2 + 300·4) / 400 = 3.5; S² = (100·1.5² + 300·0.5²) / 400 = 0.75; CV = √0.75 / 3.5.
    const { mean, cv } = weightedCv([
      { rate: 2, weight: 100 },
      { rate: 4, weight: 300 },
    ]);
    expect(mean).toBeCloseTo(3.5, 12);
    expect(cv).toBeCloseTo(Math.sqrt(0.75) / 3.5, 12);
    expect(cv).toBeCloseTo(0.2474, 4);
  });

  it('is 0 when all schools are alike', () => {
    expect(
      weightedCv([
        { rate: 1.5, weight: 10 },
        { rate: 1.5, weight: 90 },
      ]),
    ).toEqual({ mean: 1.5, cv: 0 });
  });

  it('is 0 for no pupils and for a zero mean', () => {
    expect(weightedCv([])).toEqual({ mean: 0, cv: 0 });
    expect(
      weightedCv([
        { rate: 0, weight: 50 },
        { rate: 0, weight: 20 },
      ]),
    ).toEqual({ mean: 0, cv: 0 });
  });
});

describe(stageWeight.name, () => {
  it('counts a nine-year school in both stages with its pupils of each', () => {
    const nine = makeSchool('N', { type: 'nine_year', pupilsPrimary: 300, pupilsJunior: 100 });
    expect(stageWeight(nine, 'primary')).toBe(300);
    expect(stageWeight(nine, 'junior')).toBe(100);
  });

  it('counts primary and junior schools in their own stage only, and special schools in none', () => {
    const primary = makeSchool('P', { type: 'primary', pupilsPrimary: 200 });
    const junior = makeSchool('J', { type: 'junior', pupilsJunior: 200 });
    const special = makeSchool('X', { type: 'special', pupilsPrimary: 50 });
    expect([stageWeight(primary, 'primary'), stageWeight(primary, 'junior')]).toEqual([200, 0]);
    expect([stageWeight(junior, 'primary'), stageWeight(junior, 'junior')]).toEqual([0, 200]);
    expect([stageWeight(special, 'primary'), stageWeight(special, 'junior')]).toEqual([0, 0]);
  });
});

describe(stageIndicatorStats.name, () => {
  const schools = [
    makeSchool('P', { type: 'primary', pupilsPrimary: 200 }),
    makeSchool('N', { type: 'nine_year', pupilsPrimary: 300, pupilsJunior: 100 }),
    makeSchool('J', { type: 'junior', pupilsJunior: 200 }),
    makeSchool('X', { type: 'special', pupilsPrimary: 50 }),
  ];
  const counts = new Map<string, Record<IndicatorName, number>>([
    ['P', { degree_above: 0, backbone: 2, pe_arts: 0 }],
    ['N', { degree_above: 0, backbone: 8, pe_arts: 0 }],
    ['J', { degree_above: 0, backbone: 1, pe_arts: 0 }],
    ['X', { degree_above: 0, backbone: 5, pe_arts: 0 }],
  ]);

  it('rates a nine-year school per 100 of all its pupils, weighted by the stage pupils (primary)', () => {
    // P: 1 per 100, weight 200; N: 8 per 400 pupils = 2, weight 300. X̄ = 1.6, S² = 0.24.
    const stat = stageIndicatorStats(schools, counts, 'primary', 'backbone');
    expect(stat.schools).toBe(2);
    expect(stat.mean).toBeCloseTo(1.6, 12);
    expect(stat.cv).toBeCloseTo(Math.sqrt(0.24) / 1.6, 12);
    expect(stat.limit).toBe(CV_LIMITS.primary);
  });

  it('counts the nine-year school again in the junior stage and leaves the special school out', () => {
    // J: 0.5, weight 200; N: 2, weight 100. X̄ = 1, S² = 0.5.
    const stat = stageIndicatorStats(schools, counts, 'junior', 'backbone');
    expect(stat).toEqual({
      mean: expect.closeTo(1, 12),
      cv: expect.closeTo(Math.sqrt(0.5), 12),
      limit: 0.45,
      schools: 2,
    });
  });

  it('treats a school with no counts as zero', () => {
    const stat = stageIndicatorStats(
      schools,
      new Map([['P', { degree_above: 2, backbone: 0, pe_arts: 0 }]]),
      'primary',
      'degree_above',
    );
    // P: 1 per 100, weight 200; N: 0, weight 300. X̄ = 0.4.
    expect(stat.mean).toBeCloseTo(0.4, 12);
  });
});

describe(indicatorHits.name, () => {
  it('counts degree above, any backbone level and PE, music and art teachers', () => {
    expect(indicatorHits({ degree: 'above', backbone: 'province', subject: 'music' })).toEqual({
      degree_above: 1,
      backbone: 1,
      pe_arts: 1,
    });
    expect(indicatorHits({ degree: 'required', backbone: 'none', subject: 'science' })).toEqual({
      degree_above: 0,
      backbone: 0,
      pe_arts: 0,
    });
  });

  it('sums over a school', () => {
    expect(
      indicatorCounts([
        { degree: 'above', backbone: 'county', subject: 'pe' },
        { degree: 'below', backbone: 'none', subject: 'art' },
        { degree: 'above', backbone: 'none', subject: 'math' },
      ]),
    ).toEqual({ degree_above: 2, backbone: 1, pe_arts: 2 });
  });
});

describe(totalPupils.name, () => {
  it('adds both stages', () => {
    expect(totalPupils(makeSchool('N', { type: 'nine_year', pupilsPrimary: 300, pupilsJunior: 100 }))).toBe(
      400,
    );
  });
});
