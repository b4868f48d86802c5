import { makeMove, teacherById } from '@tr/validator/testing/snapshot-factory';
import { smallCounty } from '@tr/validator/testing/small-county';
import { buildCountyContext } from './county-context';
import type { PlanMetricsSnapshot } from './plan';
import { planMetrics, round } from './plan-metrics';
import { SUBJECTS } from './subjects';

/** The subjects some school is short of, with the FTE missing. */
function shortOf(metrics: PlanMetricsSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics.shortage_fte_by_subject).filter(([, fte]) => fte !== 0));
}

describe(planMetrics.name, () => {
  // Three primary schools, each needing Chinese 4, maths 3, music 1. B (rural, 300 pupils) has only
  // 2 Chinese and 2 maths teachers; A (urban, 360) has 2 music teachers, one of them A-M1, a county
  // backbone teacher with a degree above the requirement; C (town, 320) has a city backbone music teacher.
  const county = smallCounty();
  const context = buildCountyContext(county);
  const move = makeMove(teacherById(county, 'A-M1'), 'B');
  const before = planMetrics(context, []);
  const after = planMetrics(context, [move]);

  it('reports the shortage before the plan by subject, with rural scarce subjects apart', () => {
    expect(shortOf(before)).toEqual({ chinese: 2, math: 1, music: 1 });
    // Every subject is listed, so that before and after compare key by key.
    expect(Object.keys(before.shortage_fte_by_subject)).toEqual(SUBJECTS);
    expect(before.shortage_fte_total).toBe(4);
    expect(before.rural_scarce_shortage_fte).toBe(1);
  });

  it('fills the music shortage at the rural school after one music teacher moves there', () => {
    expect(shortOf(after)).toEqual({ chinese: 2, math: 1 });
    expect(after.shortage_fte_by_subject.music).toBe(0);
    expect(after.shortage_fte_total).toBe(3);
    expect(after.rural_scarce_shortage_fte).toBe(0);
  });

  it('counts movers, rates and the backbone share', () => {
    expect(before).toMatchObject({
      movers: 0,
      eligible: 17,
      county_rotation_rate: 0,
      backbone_movers: 0,
      backbone_share: 0,
    });
    expect(before.school_rotation_rate).toEqual({ A: 0, B: 0, C: 0 });
    expect(after).toMatchObject({
      movers: 1,
      eligible: 17,
      county_rotation_rate: round(1 / 17),
      backbone_movers: 1,
      backbone_share: 1,
    });
    // B has no eligible teacher: its rate is 0, not a division by zero.
    expect(after.school_rotation_rate).toEqual({ A: round(1 / 9), B: 0, C: 0 });
  });

  it('counts an allocation as a mover but not in the rotation rates or the backbone share', () => {
    const allocation = makeMove(teacherById(county, 'C-M1'), 'B', {
      kind: 'allocation',
      term_years: undefined,
    });
    const rotation = makeMove(teacherById(county, 'A-C1'), 'B');
    expect(planMetrics(context, [rotation, allocation])).toMatchObject({
      movers: 2,
      county_rotation_rate: round(1 / 17),
      backbone_movers: 0,
      backbone_share: 0,
      school_rotation_rate: { A: round(1 / 9), B: 0, C: 0 },
    });
  });

  it('moves the teacher’s indicators from A to B (hand-computed CVs)', () => {
    expect(before.indicators.primary.backbone).toEqual({ mean: 0.2041, cv: 0.668, limit: 0.5, schools: 3 });
    expect(after.indicators.primary.backbone).toEqual({ mean: 0.2041, cv: 0.7631, limit: 0.5, schools: 3 });
    expect(before.indicators.primary.degree_above).toMatchObject({ mean: 0.102, cv: 1.3123 });
    expect(after.indicators.primary.degree_above).toMatchObject({ mean: 0.102, cv: 1.5055 });
    expect(before.indicators.primary.pe_arts).toMatchObject({ mean: 0.3061, cv: 0.7417 });
    expect(after.indicators.primary.pe_arts).toMatchObject({ mean: 0.3061, cv: 0.0756 });
    expect(after.indicators.junior.backbone).toEqual({ mean: 0, cv: 0, limit: 0.45, schools: 0 });
  });

  it('counts an arriving teacher under the subject of the move', () => {
    const math = teacherById(county, 'A-Ma1');
    const asMusic = planMetrics(
      buildCountyContext({
        ...county,
        teachers: county.teachers.map((t) => (t.id === math.id ? { ...t, extraSubjects: ['music'] } : t)),
      }),
      [makeMove({ ...math, extraSubjects: ['music'] }, 'B', { subject: 'music' })],
    );
    // B's music need is met; A now lacks the maths teacher who left, on top of B's maths gap.
    expect(shortOf(asMusic)).toEqual({ chinese: 2, math: 2 });
  });
});

describe(round.name, () => {
  it('rounds to 4 decimals and never gives -0', () => {
    expect(round(1 / 3)).toBe(0.3333);
    expect(Object.is(round(-0.00001), 0)).toBe(true);
  });
});
