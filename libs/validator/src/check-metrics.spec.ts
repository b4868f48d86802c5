import { checkPlanMetrics, METRICS_TOLERANCE } from './check-metrics';
import { makeMove, makePlan, teacherById } from './testing/snapshot-factory';
import { smallCounty, VALID_MOVES } from './testing/small-county';

describe(checkPlanMetrics.name, () => {
  const county = smallCounty();
  const plan = () =>
    makePlan(
      county,
      VALID_MOVES.map(([id, to]) => makeMove(teacherById(county, id), to)),
    );

  it('finds nothing wrong with metrics the domain computed', () => {
    expect(checkPlanMetrics(county, plan())).toEqual([]);
  });

  it('names a metric that differs, with both values', () => {
    const tampered = plan();
    tampered.metrics.after.county_rotation_rate = 0.2;
    expect(checkPlanMetrics(county, tampered)).toEqual([
      {
        rule: 'metrics_mismatch',
        message: {
          zh: '方案指标 after.county_rotation_rate 为 0.2，重新计算为 0.1176',
          en: 'plan metric after.county_rotation_rate is 0.2, recomputed 0.1176',
        },
      },
    ]);
  });

  it(`tolerates differences up to ${METRICS_TOLERANCE}`, () => {
    const rounded = plan();
    rounded.metrics.after.indicators.primary.backbone.cv += 0.0009;
    expect(checkPlanMetrics(county, rounded)).toEqual([]);
  });

  it('names the school of a school rotation rate and the subject of a shortage', () => {
    const tampered = plan();
    tampered.metrics.after.school_rotation_rate.C = 0.5;
    tampered.metrics.after.shortage_fte_by_subject.music = 1;
    expect(checkPlanMetrics(county, tampered)).toEqual([
      expect.objectContaining({ rule: 'metrics_mismatch', school: 'C' }),
      expect.objectContaining({ rule: 'metrics_mismatch', subject: 'music' }),
    ]);
  });

  it('treats a subject left out of the shortage table as no shortage, as plans written before 2026-12-02 have it', () => {
    const trimmed = plan();
    const table = trimmed.metrics.after.shortage_fte_by_subject;
    const unshort = Object.keys(table).filter((subject) => table[subject as keyof typeof table] === 0);
    expect(unshort.length).toBeGreaterThan(0);
    for (const subject of unshort) delete table[subject as keyof typeof table];
    expect(checkPlanMetrics(county, trimmed)).toEqual([]);
  });

  it('reports metrics the plan leaves out', () => {
    const bare = plan();
    delete (bare.metrics.after as Partial<typeof bare.metrics.after>).backbone_share;
    expect(checkPlanMetrics(county, bare)).toEqual([
      expect.objectContaining({
        message: expect.objectContaining({ en: 'plan metric after.backbone_share is —, recomputed 0.5' }),
      }),
    ]);
  });
});
