import fc from 'fast-check';
import { SUBJECTS, type Policy, type Snapshot, type Subject, type Teacher } from '@tr/domain';
import { makeSchool, makeSnapshot, makeTeacher } from '@tr/validator/testing/snapshot-factory';
import { validatePlan } from '@tr/validator';
import { generateCounty } from '@tr/samples';
import { optimizePlan } from './optimize-plan';

const PRIMARY_SUBJECTS: Subject[] = ['chinese', 'math', 'music'];

/** The policy rules a county sets: rate band, backbone share, distance limit, head terms, years at a school. */
function policyArbitrary(rates: {
  minRate: fc.Arbitrary<number>;
  spread: fc.Arbitrary<number>;
  backboneShare: fc.Arbitrary<number>;
  maxDistanceKm: fc.Arbitrary<number>;
}): fc.Arbitrary<Partial<Policy>> {
  return fc
    .record({
      ...rates,
      headMaxTerms: fc.integer({ min: 1, max: 3 }),
      minYears: fc.constantFrom(0, 3, 6, 10),
    })
    .map(({ minRate, spread, backboneShare, maxDistanceKm, headMaxTerms, minYears }) => ({
      min_rotation_rate: minRate,
      max_rotation_rate: Math.min(1, minRate + spread),
      min_backbone_share: backboneShare,
      max_distance_km: maxDistanceKm,
      head_max_terms: headMaxTerms,
      min_years_at_school: minYears,
    }));
}

/** The plan breaks no hard rule, and every relaxable rule it breaks is flagged. */
function expectValidAndFlagged(snapshot: Snapshot, plan: Awaited<ReturnType<typeof optimizePlan>>['plan']) {
  const report = validatePlan(snapshot, plan);
  expect(report.violations).toEqual([]);
  const flagged = new Set(plan.plan.flags.map((f) => f.rule));
  for (const relaxed of report.relaxed) expect(flagged.has(relaxed.rule)).toBe(true);
}

/**
 * A small random county: 2–5 schools within ~45 km, 3–12 teachers each, random attributes and policy
 * (rate band, backbone share, distance limit, head terms, years at a school).
 */
const countyArbitrary: fc.Arbitrary<Snapshot> = fc
  .record({
    schools: fc.array(
      fc.record({
        area: fc.constantFrom('urban', 'town', 'rural' as const),
        remote: fc.boolean(),
        classes: fc.integer({ min: 1, max: 12 }),
        lat: fc.double({ min: 34.5, max: 34.8, noNaN: true }),
        lng: fc.double({ min: 113.0, max: 113.3, noNaN: true }),
        teachers: fc.array(
          fc.record({
            subject: fc.constantFrom(...PRIMARY_SUBJECTS),
            extra: fc.option(fc.constantFrom(...PRIMARY_SUBJECTS), { nil: undefined }),
            backbone: fc.constantFrom('none', 'none', 'county', 'city' as const),
            degree: fc.constantFrom('required', 'above', 'below' as const),
            since: fc.integer({ min: 2000, max: 2025 }),
            birthYear: fc.integer({ min: 1966, max: 1998 }),
            gender: fc.constantFrom('M', 'F' as const),
            status: fc.constantFrom(
              'active',
              'active',
              'active',
              'maternity',
              'training',
              'on_rotation' as const,
            ),
            role: fc.constantFrom(
              'teacher',
              'teacher',
              'teacher',
              'teacher',
              'principal',
              'vice_principal' as const,
            ),
            terms: fc.integer({ min: 0, max: 3 }),
            preference: fc.option(fc.nat({ max: 4 }), { nil: undefined }),
          }),
          { minLength: 3, maxLength: 12 },
        ),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    policy: policyArbitrary({
      minRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
      spread: fc.double({ min: 0, max: 0.4, noNaN: true }),
      backboneShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      maxDistanceKm: fc.constantFrom(5, 15, 30, 60),
    }),
  })
  .map(({ schools, policy }) => {
    const codes = schools.map((_, i) => `S${i + 1}`);
    const teachers: Teacher[] = schools.flatMap((school, s) =>
      school.teachers.map((t, i) =>
        makeTeacher(`T${s + 1}-${i + 1}`, codes[s], {
          subject: t.subject,
          extraSubjects: t.extra && t.extra !== t.subject ? [t.extra] : [],
          backbone: t.backbone,
          degree: t.degree,
          atSchoolSince: `${t.since}-09-01`,
          hiredOn: `${Math.min(t.since, t.birthYear + 23)}-09-01`,
          birthDate: `${t.birthYear}-05-20`,
          gender: t.gender,
          status: t.gender === 'M' && t.status === 'maternity' ? 'active' : t.status,
          role: t.role,
          termsAsHead: t.role === 'teacher' ? 0 : t.terms,
          preferences:
            t.preference !== undefined && codes[t.preference] && t.preference !== s
              ? [codes[t.preference]]
              : [],
        }),
      ),
    );
    return makeSnapshot({
      schools: schools.map((school, s) =>
        makeSchool(codes[s], {
          area: school.area,
          remote: school.area === 'rural' && school.remote,
          classesPrimary: school.classes,
          pupilsPrimary: school.classes * 40,
          lat: school.lat,
          lng: school.lng,
        }),
      ),
      teachers,
      policy,
    });
  });

describe(`${optimizePlan.name} on random counties`, () => {
  it('always returns a plan the validator accepts, flagging exactly the rules it had to relax', async () => {
    let movesSeen = 0;
    await fc.assert(
      fc.asyncProperty(countyArbitrary, async (snapshot) => {
        const { plan } = await optimizePlan(snapshot);
        expectValidAndFlagged(snapshot, plan);
        expect(SUBJECTS).toEqual(expect.arrayContaining(plan.moves.map((m) => m.subject)));
        movesSeen += plan.moves.length;
        if (process.env.PROPERTY_DEBUG)
          console.log(
            plan.moves.length,
            plan.metrics.after.eligible,
            plan.plan.flags.map((f) => f.rule).join(','),
          );
      }),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 40),
        seed: process.env.PROPERTY_RUNS ? undefined : 20261125,
      },
    );
    // The property must be exercised by real plans, not only by empty ones.
    expect(movesSeen).toBeGreaterThan(20);
  });

  it('plans the 400-teacher sample county under random policies within every rule it does not flag', async () => {
    let movesSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        policyArbitrary({
          minRate: fc.constantFrom(0, 0.05, 0.1, 0.2, 0.3),
          spread: fc.constantFrom(0, 0.05, 0.15, 0.5),
          backboneShare: fc.constantFrom(0, 0.2, 0.4, 0.8),
          maxDistanceKm: fc.constantFrom(3, 10, 30, 60),
        }),
        async (seed, policy) => {
          const sample = generateCounty('mini', seed);
          const snapshot = { ...sample, policy: { ...sample.policy, ...policy } };
          const { plan } = await optimizePlan(snapshot);
          expectValidAndFlagged(snapshot, plan);
          movesSeen += plan.moves.length;
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 12),
        seed: process.env.PROPERTY_RUNS ? undefined : 20261204,
      },
    );
    expect(movesSeen).toBeGreaterThan(100);
  });

  it('names the minimum rate as the binding rule when the policy asks every eligible teacher to move', async () => {
    await fc.assert(
      fc.asyncProperty(countyArbitrary, async (base) => {
        const snapshot = {
          ...base,
          policy: { ...base.policy, min_rotation_rate: 1, max_rotation_rate: 1, min_backbone_share: 0 },
        };
        const { plan } = await optimizePlan(snapshot);
        const report = validatePlan(snapshot, plan);
        expect(report.violations).toEqual([]);
        if (plan.metrics.after.movers < plan.metrics.after.eligible) {
          expect(plan.plan.flags.map((f) => f.rule)).toContain('min_rotation_rate');
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
