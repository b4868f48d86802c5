import { planJson } from '@tr/io';
import {
  makeSchool,
  makeSnapshot,
  makeTeacher,
  makeTeachers,
  NEWCOMER,
} from '@tr/validator/testing/snapshot-factory';
import { smallCounty } from '@tr/validator/testing/small-county';
import { validatePlan } from '@tr/validator';
import { optimizePlan } from './optimize-plan';
import { heldBackCounty } from './testing/held-back-county';

/** A 600-pupil urban primary school A and a 120-pupil rural one B: a county so small that one teacher moves a CV a lot. */
function urbanAndSmallRural() {
  return [
    makeSchool('A', { pupilsPrimary: 600, classesPrimary: 12 }),
    makeSchool('B', { area: 'rural', pupilsPrimary: 120, classesPrimary: 6 }),
  ];
}

describe(optimizePlan.name, () => {
  it('plans the small county within every rule and fills the rural shortages', async () => {
    const snapshot = smallCounty();
    const { plan } = await optimizePlan(snapshot);

    expect(validatePlan(snapshot, plan).violations).toEqual([]);
    expect(plan.plan.flags).toEqual([]);
    expect(plan.moves.length).toBeGreaterThanOrEqual(2);
    expect(plan.moves.length).toBeLessThanOrEqual(4);
    expect(plan.moves.filter((m) => m.to_school === 'B').length).toBeGreaterThanOrEqual(2);
    // C's only music teacher stays: C needs music, and one arriving would not undo the loss.
    expect(plan.moves.find((m) => m.teacher_id === 'C-M1')).toBeUndefined();
    expect(plan.metrics.after.shortage_fte_total).toBeLessThan(plan.metrics.before.shortage_fte_total);
    for (const move of plan.moves) {
      expect(move.reasons.length).toBeGreaterThan(0);
      expect(move.reasons_zh.length).toBe(move.reasons.length);
    }
  });

  it('reports each LP round while it solves, with the gap proven so far, and never goes backwards', async () => {
    const events: { stage: string; percent: number; detail?: string }[] = [];
    const { plan } = await optimizePlan(smallCounty(), {
      onProgress: (stage, percent, detail) => events.push({ stage, percent, detail }),
    });

    const rounds = events.filter((e) => /^第 \d+ 轮 round \d+ · 差距 gap /.test(e.detail ?? ''));
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.map((e) => e.detail)[0]).toMatch(/^第 1 轮 round 1 · /);
    for (const event of rounds) expect(event.stage).toBe('solving');
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // Telling the display changes nothing in the plan.
    expect(planJson(plan)).toBe(planJson((await optimizePlan(smallCounty())).plan));
  });

  it('gives the same plan, byte for byte, for the same snapshot and policy', async () => {
    const snapshot = smallCounty();
    const first = await optimizePlan(snapshot);
    const second = await optimizePlan(structuredClone(snapshot));
    expect(planJson(second.plan)).toBe(planJson(first.plan));
    expect(first.plan.plan.snapshot_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.plan.plan.solver.name).toBe('highs');
  });

  it('reaches the same optimum with HiGHS and javascript-lp-solver', async () => {
    const snapshot = smallCounty();
    // Both proven optimal: HiGHS by default stops within 0.3% of its bound.
    const highs = await optimizePlan(snapshot, { solver: 'highs', mipRelGap: 0 });
    const jlp = await optimizePlan(snapshot, { solver: 'jlp', mipRelGap: 0 });
    expect(jlp.stats.status).toBe('optimal');
    // Same optimum up to the solvers' tolerances (jlp's are looser than HiGHS's).
    expect(
      Math.abs(jlp.stats.objective - highs.stats.objective) / Math.abs(highs.stats.objective),
    ).toBeLessThan(1e-6);
    expect(validatePlan(snapshot, jlp.plan).ok).toBe(true);
  });

  it('meets the county-wide minimum rate with the schools that can exchange when one is beyond reach', async () => {
    // D, 100 km off, can exchange with nobody; its 10 eligible teachers count toward the county's 27.
    // At 20% the county needs 6 movers, all from A and C; held to its own 20%, A–C would move only 4.
    const snapshot = smallCounty({ min_rotation_rate: 0.2, max_rotation_rate: 0.4, min_backbone_share: 0 });
    snapshot.schools.push(makeSchool('D', { area: 'rural', lat: 35.7, lng: 113.66 }));
    snapshot.teachers.push(...makeTeachers(10, 'D', { subject: 'chinese' }));
    const { plan, stats } = await optimizePlan(snapshot);

    expect(stats.regions).toBe(1);
    expect(plan.plan.flags).toEqual([]);
    expect(plan.moves.length).toBeGreaterThanOrEqual(6);
    expect(plan.moves.every((m) => m.from_school !== 'D' && m.to_school !== 'D')).toBe(true);
    expect(validatePlan(snapshot, plan)).toEqual({ violations: [], relaxed: [], ok: true });
  });

  it('flags the minimum rate as the binding rule when too few teachers can move, and still plans the rest', async () => {
    // Every eligible teacher must move, but no other school can take an English teacher, and A and C
    // each keep one of their own Chinese, maths and music teachers: 18 eligible, 1 + 6 stay.
    const stuck = makeTeacher('A-E1', 'A', { subject: 'english' });
    const snapshot = smallCounty({ min_rotation_rate: 1, max_rotation_rate: 1, min_backbone_share: 0 }, [
      stuck,
    ]);
    const { plan } = await optimizePlan(snapshot);
    const report = validatePlan(snapshot, plan);

    expect(report.violations).toEqual([]);
    expect(plan.plan.flags.map((f) => f.rule)).toEqual(['min_rotation_rate']);
    expect(report.relaxed.map((v) => v.rule)).toEqual(['min_rotation_rate']);
    expect(plan.moves.length).toBe(11);
    expect(plan.moves.find((m) => m.teacher_id === 'A-E1')).toBeUndefined();
  });

  it('flags the backbone share when the county has too few backbone teachers for the rate it must meet', async () => {
    const snapshot = smallCounty({ min_rotation_rate: 0.5, max_rotation_rate: 0.8, min_backbone_share: 0.5 });
    const { plan } = await optimizePlan(snapshot);
    const report = validatePlan(snapshot, plan);

    expect(report.violations).toEqual([]);
    expect(plan.plan.flags.map((f) => f.rule)).toContain('min_backbone_share');
    expect(report.relaxed.map((v) => v.rule)).toContain('min_backbone_share');
  });

  it('sends the only backbone teacher the share asks for, though the backbone coefficient of variation then grows', async () => {
    // Two schools: sending the one backbone teacher to the small rural school moves the primary backbone
    // CV² by about 4.8, which the model prices above relaxing the share; the rule still comes first.
    const snapshot = makeSnapshot({
      schools: urbanAndSmallRural(),
      teachers: [
        makeTeacher('A-1', 'A', { backbone: 'county' }),
        ...makeTeachers(2, 'A'),
        makeTeacher('A-M', 'A', { subject: 'music' }),
        makeTeacher('B-1', 'B', { subject: 'math' }),
      ],
    });
    const { plan } = await optimizePlan(snapshot);
    const report = validatePlan(snapshot, plan);

    expect(report.violations).toEqual([]);
    expect(plan.plan.flags).toEqual([]);
    expect(plan.moves.map((m) => m.teacher_id)).toEqual(['A-1']);
    expect(plan.metrics.after.backbone_share).toBe(1);
    // Its LP relaxation is weak (a fifth of that teacher meets the share), but the MIP over the whole
    // model proves the plan the best there is.
    const { solver } = plan.plan;
    expect(solver.gap).toBeGreaterThan(0.5);
    expect(solver.integer_gap).toBe(0);
    expect(solver.integer_bound).toBeCloseTo(solver.objective, 6);
    expect(solver.integer_bound!).toBeGreaterThan(solver.lp_bound);
  });

  it('moves a teacher whom a due head could have replaced as the one who stays, when the head cannot move', async () => {
    // Keeping both the principal and the teacher had relaxed the minimum rate too.
    const snapshot = heldBackCounty();
    const { plan } = await optimizePlan(snapshot);

    expect(validatePlan(snapshot, plan).violations).toEqual([]);
    expect(plan.moves).toHaveLength(1);
    expect(['A-1', 'B-1']).toContain(plan.moves[0].teacher_id);
    expect(plan.plan.flags.map((f) => f.rule).sort()).toEqual([
      'head_rotation',
      'head_rotation',
      'min_backbone_share',
    ]);
  });

  it('exchanges heads who have served two terms, each heading the other school', async () => {
    const headA = makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 2, subject: 'math' });
    const headC = makeTeacher('C-P', 'C', { role: 'principal', termsAsHead: 1, subject: 'math' });
    const snapshot = smallCounty({}, [headA, headC]);
    const { plan } = await optimizePlan(snapshot);
    const heads = plan.moves.filter((m) => m.role === 'principal');

    expect(validatePlan(snapshot, plan).violations).toEqual([]);
    expect(heads.map((m) => [m.teacher_id, m.to_school]).sort()).toEqual([
      ['A-P', 'C'],
      ['C-P', 'A'],
    ]);
  });

  it('keeps the backbone share among the teachers alone too, not only with the heads counted', async () => {
    // Two backbone heads exchange: counted with everyone, they alone would meet a 40% share. Without
    // balance weights and with A-M2 asking for B, the cheapest teachers to send are not backbone.
    const headA = makeTeacher('A-P', 'A', {
      role: 'principal',
      termsAsHead: 2,
      subject: 'math',
      backbone: 'county',
    });
    const headC = makeTeacher('C-P', 'C', {
      role: 'principal',
      termsAsHead: 2,
      subject: 'math',
      backbone: 'city',
    });
    const snapshot = smallCounty({ min_backbone_share: 0.4, weight_balance: 0 }, [headA, headC]);
    snapshot.teachers.find((t) => t.id === 'A-M2')!.preferences = ['B'];
    const { plan } = await optimizePlan(snapshot);
    const byId = new Map(snapshot.teachers.map((t) => [t.id, t]));
    const teachers = plan.moves.map((m) => byId.get(m.teacher_id)!).filter((t) => t.role === 'teacher');

    expect(validatePlan(snapshot, plan).violations).toEqual([]);
    expect(plan.moves.filter((m) => m.role === 'principal')).toHaveLength(2);
    expect(teachers.length).toBeGreaterThan(0);
    expect(teachers.filter((t) => t.backbone !== 'none').length).toBeGreaterThanOrEqual(
      0.4 * teachers.length,
    );
  });

  it('says so when a head due to rotate has nobody to exchange with', async () => {
    const headA = makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 3 });
    const snapshot = smallCounty({}, [headA]);
    const { plan } = await optimizePlan(snapshot);

    expect(plan.moves.find((m) => m.teacher_id === 'A-P')).toBeUndefined();
    expect(plan.plan.flags).toEqual([
      expect.objectContaining({
        rule: 'head_rotation',
        detail: expect.objectContaining({ teacher_id: 'A-P' }),
      }),
    ]);
    expect(validatePlan(snapshot, plan).violations).toEqual([]);
  });

  it('names a head past the term limit whom an exemption keeps at the school', async () => {
    // Born 1970-03-01: 56 on September 1, 2026, within 5 years of the female retirement age of 55.
    const headA = makeTeacher('A-P', 'A', { role: 'principal', termsAsHead: 2, birthDate: '1970-03-01' });
    const headC = makeTeacher('C-P', 'C', { role: 'principal', termsAsHead: 1 });
    const snapshot = smallCounty({}, [headA, headC]);
    const { plan } = await optimizePlan(snapshot);

    expect(plan.moves.find((m) => m.teacher_id === 'A-P')).toBeUndefined();
    expect(plan.plan.flags).toEqual([
      expect.objectContaining({
        rule: 'head_rotation',
        detail: { teacher_id: 'A-P', school: 'A', exempt: 'near_retirement' },
      }),
    ]);
    expect(plan.plan.flags[0].message_zh).toContain('不参加交流（距法定退休');
    expect(validatePlan(snapshot, plan).violations).toEqual([]);
  });

  it('never moves a teacher farther than the distance limit', async () => {
    const snapshot = makeSnapshot({
      schools: [
        makeSchool('N', { lat: 34.0, lng: 113.0 }),
        makeSchool('F', { area: 'rural', lat: 35.0, lng: 113.0 }),
      ],
      teachers: [
        ...makeTeachers(4, 'N', { subject: 'chinese' }),
        ...makeTeachers(1, 'F', { subject: 'chinese', ...NEWCOMER }),
      ],
    });
    const { plan } = await optimizePlan(snapshot);

    expect(plan.moves).toEqual([]);
    expect(plan.plan.flags.map((f) => f.rule)).toEqual(['min_rotation_rate']);
  });
});
