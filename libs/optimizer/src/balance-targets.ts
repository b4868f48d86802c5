import {
  INDICATORS,
  STAGES,
  indicatorCounts,
  stageWeight,
  totalPupils,
  type CountyContext,
  type IndicatorName,
  type Stage,
} from '@tr/domain';

/**
 * What balance means for the model. The coefficient of variation is not linear, so the model minimises
 * its L1 cousin: each school's pupil-weighted distance from the county mean count of an indicator.
 * Costs are scaled by the county's average count per school, so a one-teacher change weighs the same in
 * a county of 90 schools as in a prefecture of 1,500.
 */
export interface BalanceTarget {
  /** Indicator count that would put the school exactly at the county mean rate. */
  target: number;
  present: number;
  /** Objective cost per unit of deviation from the target. */
  unitCost: number;
}

export type BalanceTargets = Map<string, Map<`${Stage}:${IndicatorName}`, BalanceTarget>>;

export function balanceTargets(context: CountyContext): BalanceTargets {
  const { schools, policy } = context.snapshot;
  const counts = new Map(schools.map((s) => [s.code, indicatorCounts(context.teachersBySchool.get(s.code) ?? [])]));
  const result: BalanceTargets = new Map(schools.map((s) => [s.code, new Map()]));
  for (const stage of STAGES) {
    const members = schools.filter((s) => stageWeight(s, stage) > 0 && totalPupils(s) > 0);
    const weightSum = members.reduce((sum, s) => sum + stageWeight(s, stage), 0);
    if (members.length === 0 || weightSum <= 0) continue;
    for (const indicator of INDICATORS) {
      // Mean count per pupil, pupil-weighted as the CV is.
      const perPupil = members.reduce((sum, s) => sum + (stageWeight(s, stage) * counts.get(s.code)![indicator]) / totalPupils(s), 0) / weightSum;
      const averageCount = Math.max(1, (perPupil * weightSum) / members.length);
      for (const school of members) {
        const share = stageWeight(school, stage) / totalPupils(school);
        result.get(school.code)!.set(`${stage}:${indicator}`, {
          target: perPupil * totalPupils(school),
          present: counts.get(school.code)![indicator],
          unitCost: (policy.weight_balance * share) / averageCount,
        });
      }
    }
  }
  return result;
}
