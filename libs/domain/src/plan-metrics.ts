import type { CountyContext } from './county-context';
import { indicatorCounts, stageIndicatorStats } from './indicators';
import type { IndicatorName, IndicatorStat, PlanMetricsSnapshot, PlanMove } from './plan';
import { INDICATORS, isAllocation } from './plan';
import { STAGES, type Stage } from './model';
import { shortage, type SubjectTable } from './staffing';
import { SCARCE_SUBJECTS, SUBJECTS } from './subjects';
import { staffAfterPlan } from './staff-after-plan';

/** Metrics are rounded so that plans read well and compare byte for byte. */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor + 0;
}

/** The metrics FORMATS.md asks for, for the county as it would be after `moves` (before: no moves). */
export function planMetrics(context: CountyContext, moves: readonly PlanMove[]): PlanMetricsSnapshot {
  const staff = staffAfterPlan(context, moves);
  const rotations = moves.filter((move) => !isAllocation(move));
  const shortageBySubject: SubjectTable = {};
  let ruralScarce = 0;
  const counts = new Map<string, Record<IndicatorName, number>>();
  const schoolRate: Record<string, number> = {};
  for (const school of context.snapshot.schools) {
    const after = staff.get(school.code)!;
    const gaps = shortage(context.needBySchool.get(school.code) ?? {}, after.supply);
    for (const subject of SUBJECTS) {
      const gap = gaps[subject];
      if (gap === undefined) continue;
      shortageBySubject[subject] = (shortageBySubject[subject] ?? 0) + gap;
      if (school.area === 'rural' && SCARCE_SUBJECTS.has(subject)) ruralScarce += gap;
    }
    counts.set(school.code, indicatorCounts(after.members));
    const eligible = context.eligibleBySchool.get(school.code) ?? 0;
    schoolRate[school.code] = eligible > 0 ? round(after.sentOnRotation / eligible) : 0;
  }
  const backboneMovers = rotations.filter(
    (m) => context.teachersById.get(m.teacher_id)?.backbone !== 'none',
  ).length;
  // Every subject is listed, 0 where no school is short of it, so that before and after compare key by key.
  const roundedShortage: SubjectTable = {};
  let total = 0;
  for (const subject of SUBJECTS) {
    const gap = shortageBySubject[subject] ?? 0;
    roundedShortage[subject] = round(gap);
    total += gap;
  }
  return {
    shortage_fte_by_subject: roundedShortage,
    shortage_fte_total: round(total),
    rural_scarce_shortage_fte: round(ruralScarce),
    movers: moves.length,
    eligible: context.eligibleTotal,
    county_rotation_rate: context.eligibleTotal > 0 ? round(rotations.length / context.eligibleTotal) : 0,
    backbone_movers: backboneMovers,
    backbone_share: rotations.length > 0 ? round(backboneMovers / rotations.length) : 0,
    school_rotation_rate: schoolRate,
    indicators: indicatorTable(context, counts),
  };
}

function indicatorTable(
  context: CountyContext,
  counts: Map<string, Record<IndicatorName, number>>,
): Record<Stage, Record<IndicatorName, IndicatorStat>> {
  const table = {} as Record<Stage, Record<IndicatorName, IndicatorStat>>;
  for (const stage of STAGES) {
    table[stage] = {} as Record<IndicatorName, IndicatorStat>;
    for (const indicator of INDICATORS) {
      const stat = stageIndicatorStats(context.snapshot.schools, counts, stage, indicator);
      table[stage][indicator] = { ...stat, mean: round(stat.mean), cv: round(stat.cv) };
    }
  }
  return table;
}
