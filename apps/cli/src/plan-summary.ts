import {
  INDICATORS,
  SUBJECTS,
  SUBJECT_NAMES_ZH,
  distanceKm,
  type Plan,
  type Snapshot,
  type Stage,
} from '@tr/domain';

const INDICATOR_LABELS = {
  degree_above: '高于规定学历教师 above-degree teachers',
  backbone: '县级以上骨干教师 backbone teachers',
  pe_arts: '体育艺术教师 PE & arts teachers',
} as const;

const STAGE_LABELS: Record<Stage, string> = { primary: '小学 primary', junior: '初中 junior' };

/** The end-of-run summary: movers, rate, backbone share, shortage and each CV, before → after. */
export function planSummary(plan: Plan, extra: string[] = []): string {
  const { before, after } = plan.metrics;
  const { policy } = plan.plan;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const lines: string[] = [];
  lines.push(`方案 plan ${plan.plan.id} — ${plan.plan.county} ${plan.plan.year}`);
  lines.push(
    `交流人数 movers: ${after.movers} / 符合条件 eligible ${after.eligible} — 交流比例 rate ${pct(after.county_rotation_rate)} ` +
      `(政策 policy ${pct(policy.min_rotation_rate)}–${pct(policy.max_rotation_rate)})`,
  );
  lines.push(
    `骨干占比 backbone share: ${pct(after.backbone_share)} (${after.backbone_movers} 人) — 政策下限 min ${pct(policy.min_backbone_share)}`,
  );
  lines.push(
    `学科缺编 shortage (FTE): 合计 total ${before.shortage_fte_total.toFixed(1)} → ${after.shortage_fte_total.toFixed(1)}; ` +
      `农村紧缺学科 rural scarce ${before.rural_scarce_shortage_fte.toFixed(1)} → ${after.rural_scarce_shortage_fte.toFixed(1)}`,
  );
  for (const subject of SUBJECTS) {
    const b = before.shortage_fte_by_subject[subject] ?? 0;
    const a = after.shortage_fte_by_subject[subject] ?? 0;
    if (b === 0 && a === 0) continue;
    lines.push(`  ${SUBJECT_NAMES_ZH[subject]} ${subject}: ${b.toFixed(1)} → ${a.toFixed(1)}`);
  }
  lines.push('差异系数 coefficient of variation (before → after, limit):');
  for (const stage of ['primary', 'junior'] as const) {
    for (const indicator of INDICATORS) {
      const b = before.indicators[stage][indicator];
      const a = after.indicators[stage][indicator];
      const mark = a.cv <= a.limit ? '✓' : '✗';
      lines.push(
        `  ${STAGE_LABELS[stage]} ${INDICATOR_LABELS[indicator]}: ${b.cv.toFixed(3)} → ${a.cv.toFixed(3)} (≤ ${a.limit}) ${mark}`,
      );
    }
  }
  for (const flag of plan.plan.flags) lines.push(`⚠ ${flag.rule}: ${flag.message_zh} / ${flag.message}`);
  const stop = solverStop(plan.plan.solver);
  if (stop) lines.push(stop);
  lines.push(...extra);
  return lines.join('\n');
}

/** Says so when the solver stopped short of its own optimality proof: the plan is valid, but how close is it. */
export function solverStop(solver: Plan['plan']['solver']): string | undefined {
  const gap = `${(solver.gap * 100).toFixed(3)}%`;
  switch (solver.status) {
    case 'optimal':
      return undefined;
    case 'iteration_limit':
      return (
        `⚠ 求解器在计算量上限处停止：方案高于 LP 下界 ${gap}（在合理的计算量内无法证明更接近下界的方案）` +
        ` / the solver stopped at its work limit: the plan is ${gap} above the LP bound (a closer one could not be proven within a reasonable amount of work)`
      );
    case 'time_limit':
      return `⚠ 求解器在时间上限处停止：方案高于 LP 下界 ${gap} / the solver stopped at its time limit: the plan is ${gap} above the LP bound`;
    default:
      return `⚠ 求解器状态 solver status: ${solver.status}; 方案高于 LP 下界 ${gap} / the plan is ${gap} above the LP bound`;
  }
}

/**
 * Says so when moves touch schools without coordinates: the distance limit cannot be checked on them, so
 * it does not hold them back (README, rules), and an HR officer should know which plan lines it skipped.
 */
export function unmeasuredMoves(snapshot: Snapshot, plan: Plan): string | undefined {
  const schools = new Map(snapshot.schools.map((s) => [s.code, s]));
  const unmeasured = plan.moves.filter((m) => {
    const from = schools.get(m.from_school);
    const to = schools.get(m.to_school);
    return from !== undefined && to !== undefined && distanceKm(from, to) === undefined;
  });
  if (unmeasured.length === 0) return undefined;
  const limit = plan.plan.policy.max_distance_km;
  return (
    `⚠ ${unmeasured.length} 项交流涉及没有坐标的学校，未按 ${limit} 公里的距离上限核查` +
    ` / ${unmeasured.length} move(s) involve a school without coordinates and were not checked against the ${limit} km limit`
  );
}
