import { assessEligibility, distanceKm, type Snapshot } from '@tr/domain';
import { generateCounty } from './generate-county';
import { PRESETS, type PresetName, type PresetSpec } from './presets';
import { sampleProblems, type SampleRule } from './sample-invariants';
import { summarizeSample, type SampleSummary } from './sample-summary';

/** Generation is the slow part, so each preset is generated once per run. */
const cache = new Map<PresetName, Snapshot>();
function sample(preset: PresetName): Snapshot {
  let snapshot = cache.get(preset);
  if (!snapshot) cache.set(preset, (snapshot = generateCounty(preset, 1)));
  return snapshot;
}

const summaries = new Map<PresetName, SampleSummary>();
function summaryOf(preset: PresetName): SampleSummary {
  let hit = summaries.get(preset);
  if (!hit) {
    hit = summarizeSample(sample(preset));
    summaries.set(preset, hit);
  }
  return hit;
}

const within = (actual: number, target: number, tolerance = 0.03) =>
  Math.abs(actual - target) <= tolerance * target;
const PRESET_NAMES: PresetName[] = ['mini', 'dengfeng', 'hohhot', 'prefecture'];

describe(generateCounty.name, () => {
  describe('determinism', () => {
    it('gives a deep-equal snapshot for the same preset and seed', () => {
      expect(generateCounty('mini', 5)).toEqual(generateCounty('mini', 5));
      expect(generateCounty('dengfeng', 1)).toEqual(sample('dengfeng'));
    });

    it('gives a different snapshot for a different seed', () => {
      const a = generateCounty('mini', 1);
      const b = generateCounty('mini', 2);
      expect(a).not.toEqual(b);
      expect(a.teachers.map((t) => t.name)).not.toEqual(b.teachers.map((t) => t.name));
    });

    it('defaults the seed to 1', () => {
      expect(generateCounty('mini')).toEqual(generateCounty('mini', 1));
    });
  });

  describe.each(PRESET_NAMES)('preset %s', (preset) => {
    const spec = PRESETS[preset];
    let snapshot: Snapshot;
    let problems: ReturnType<typeof sampleProblems>;
    beforeAll(() => {
      snapshot = sample(preset);
      problems = sampleProblems(snapshot);
    }, 60_000);

    it('meets the preset’s sizes within 3%', () => {
      const summary = summaryOf(preset);
      expect(summary.schoolsByType).toEqual(spec.schools);
      expect(within(summary.teachers, spec.teachers)).toBe(true);
      expect(within(summary.pupils.primary, spec.pupils.primary)).toBe(true);
      expect(within(summary.pupils.junior, spec.pupils.junior)).toBe(true);
      expect(within(summary.pupils.special, spec.pupils.special, 0.1)).toBe(true);
      expect(snapshot.county).toBe(spec.name);
    });

    it('carries the default policy for 2026 and the curriculum sheet', () => {
      expect(snapshot.policy.year).toBe(2026);
      expect(snapshot.policy.max_distance_km).toBe(60);
      expect(snapshot.curriculum.length).toBeGreaterThan(20);
    });

    // Per-teacher checks collect problems and assert once: 100,000 expect() calls would take minutes.
    const broken = (rule: SampleRule) =>
      problems
        .filter((p) => p.rule === rule)
        .slice(0, 5)
        .map((p) => p.message);

    it('keeps every reference valid and every id unique', () => {
      const codePattern = new RegExp(`^S\\d{${spec.schoolCodeDigits}}$`);
      expect(snapshot.schools.filter((s) => !codePattern.test(s.code))).toEqual([]);
      expect(snapshot.teachers.filter((t) => !/^T\d{6}$/.test(t.id))).toEqual([]);
      expect(broken('references')).toEqual([]);
    });

    it('gives consistent national ID numbers', () => {
      expect(broken('national_id')).toEqual([]);
    });

    it('keeps ages, service and retirement consistent on the reference date', () => {
      expect(broken('dates')).toEqual([]);
    });

    it('gives every school one principal, ordinary schools one or two vice principals, terms within the stay', () => {
      expect(broken('heads')).toEqual([]);
    });

    it('gives classes by stage to match the school type, and a location to every school', () => {
      expect(broken('schools')).toEqual([]);
    });
  });

  describe('any seed', () => {
    it('keeps every invariant for the mini preset over many seeds', () => {
      const failures: string[] = [];
      for (let seed = 0; seed < 40; seed++) {
        for (const p of sampleProblems(generateCounty('mini', seed)).slice(0, 2))
          failures.push(`seed ${seed}: ${p.message}`);
      }
      expect(failures).toEqual([]);
    });

    it('keeps every invariant for dengfeng with another seed', () => {
      expect(sampleProblems(generateCounty('dengfeng', 12345)).slice(0, 5)).toEqual([]);
    });
  });

  describe('realism (dengfeng and prefecture)', () => {
    it.each<PresetName>(['dengfeng', 'prefecture'])(
      '%s: villages are short of music, PE and art; towns hold backbone teachers',
      (preset) => {
        const { byArea } = summaryOf(preset);
        expect(byArea.rural.peArtsPerClass).toBeLessThan(0.7 * byArea.urban.peArtsPerClass);
        expect(byArea.urban.backboneShare).toBeGreaterThan(0.15);
        expect(byArea.urban.backboneShare).toBeLessThan(0.25);
        expect(byArea.rural.backboneShare).toBeGreaterThan(0.03);
        expect(byArea.rural.backboneShare).toBeLessThan(0.08);
        expect(byArea.urban.degreeAboveShare).toBeGreaterThan(2 * byArea.rural.degreeAboveShare);
      },
    );

    it.each<PresetName>(['dengfeng', 'prefecture'])(
      '%s: county-town schools run 5–10%% short, village schools have spare staff',
      (preset) => {
        const { byArea } = summaryOf(preset);
        expect(byArea.urban.supplyOverNeed).toBeGreaterThan(0.9);
        expect(byArea.urban.supplyOverNeed).toBeLessThan(0.95);
        expect(byArea.rural.supplyOverNeed).toBeGreaterThan(1);
        expect(byArea.rural.pupilsPerTeacher).toBeLessThan(byArea.urban.pupilsPerTeacher / 2);
        expect(byArea.rural.meanAge - byArea.urban.meanAge).toBeGreaterThan(7);
      },
    );

    it('mixes areas about a quarter urban, a quarter town, half rural, a fifth of rural remote', () => {
      const { schools } = sample('prefecture');
      const share = (area: string) => schools.filter((s) => s.area === area).length / schools.length;
      expect(share('urban')).toBeCloseTo(0.25, 1);
      expect(share('town')).toBeCloseTo(0.26, 1);
      expect(share('rural')).toBeCloseTo(0.48, 1);
      const rural = schools.filter((s) => s.area === 'rural');
      expect(rural.filter((s) => s.remote).length / rural.length).toBeCloseTo(0.2, 1);
    });

    it('has a realistic share of teachers meeting the exchange conditions and of statuses', () => {
      const summary = summaryOf('dengfeng');
      expect(summary.sixYearsShare).toBeGreaterThan(0.35);
      expect(summary.sixYearsShare).toBeLessThan(0.5);
      expect(summary.eligibleShare).toBeGreaterThan(0.25);
      expect(summary.statusShare.active).toBeGreaterThan(0.86);
      expect(summary.statusShare.active).toBeLessThan(0.94);
      for (const status of ['maternity', 'sick', 'training', 'service_period', 'on_rotation'] as const) {
        expect(summary.statusShare[status]).toBeGreaterThan(0.004);
      }
    });

    it('has heads due to rotate under the two-term rule, and some near retirement', () => {
      const snapshot = sample('prefecture');
      const heads = snapshot.teachers.filter((t) => t.role !== 'teacher');
      const assessed = heads.map((t) => assessEligibility(t, snapshot.policy));
      const due = assessed.filter((e) => e.headDueToRotate).length / heads.length;
      expect(due).toBeGreaterThan(0.07);
      expect(due).toBeLessThan(0.15);
      expect(assessed.filter((e) => e.reason === 'near_retirement').length).toBeGreaterThan(
        0.03 * heads.length,
      );
    });

    it('gives about 15% of village teachers and 5% of others extra subjects, and 15% preferences', () => {
      const snapshot = sample('prefecture');
      const area = new Map(snapshot.schools.map((s) => [s.code, s.area]));
      const shareWith = (rural: boolean) => {
        const staff = snapshot.teachers.filter((t) => (area.get(t.schoolCode) === 'rural') === rural);
        return staff.filter((t) => t.extraSubjects.length > 0).length / staff.length;
      };
      expect(shareWith(true)).toBeCloseTo(0.15, 1);
      expect(shareWith(false)).toBeCloseTo(0.06, 1);
      const withPreferences = snapshot.teachers.filter((t) => t.preferences.length > 0).length;
      expect(withPreferences / snapshot.teachers.length).toBeCloseTo(0.15, 1);
    });
  });

  describe('geography', () => {
    it('keeps a county within about 50 km across', () => {
      const { schools } = sample('dengfeng');
      let max = 0;
      for (const a of schools) for (const b of schools) max = Math.max(max, distanceKm(a, b) ?? 0);
      expect(max).toBeLessThan(55);
      expect(new Set(schools.map((s) => s.district)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(schools.map((s) => s.district)).size).toBeLessThanOrEqual(10);
      expect(schools.some((s) => s.group !== undefined)).toBe(true);
    });

    it('places a prefecture’s counties as clusters, most cross-county pairs beyond 60 km', () => {
      const { schools } = sample('prefecture');
      expect(new Set(schools.map((s) => s.district)).size).toBe(PRESETS.prefecture.counties.length);
      let cross = 0;
      let far = 0;
      let sameMax = 0;
      for (let i = 0; i < schools.length; i += 3) {
        for (let j = i + 1; j < schools.length; j += 3) {
          const km = distanceKm(schools[i], schools[j]) ?? 0;
          if (schools[i].district === schools[j].district) sameMax = Math.max(sameMax, km);
          else {
            cross++;
            if (km > 60) far++;
          }
        }
      }
      expect(far / cross).toBeGreaterThan(0.85);
      expect(sameMax).toBeLessThan(50);
    });
  });

  describe('scale', () => {
    // How long it takes is the benchmark's to measure (`npm run bench`, "gen s"), not a test's.
    it('generates the 100,000-teacher prefecture', () => {
      const { teachers, schools } = sample('prefecture');
      expect(schools.length).toBe(1500);
      expect(teachers.length).toBeGreaterThanOrEqual(95_000);
      expect(teachers.length).toBeLessThanOrEqual(105_000);
    });
  });

  describe('custom presets', () => {
    it('accepts a hand-made spec', () => {
      const spec: PresetSpec = {
        ...PRESETS.mini,
        name: '测试县(样例)',
        schools: { primary: 4, junior: 2, nine_year: 0, special: 0 },
        pupils: { primary: 2000, junior: 1200, special: 0 },
        teachers: 200,
      };
      const snapshot = generateCounty(spec, 3);
      expect(snapshot.county).toBe('测试县(样例)');
      expect(snapshot.schools).toHaveLength(6);
      expect(within(snapshot.teachers.length, 200)).toBe(true);
    });

    it('refuses an unknown preset name and an impossible spec', () => {
      expect(() => generateCounty('atlantis' as PresetName)).toThrow(/unknown preset/);
      expect(() =>
        generateCounty({ ...PRESETS.mini, schools: { primary: 0, junior: 0, nine_year: 0, special: 0 } }),
      ).toThrow();
    });
  });
});
