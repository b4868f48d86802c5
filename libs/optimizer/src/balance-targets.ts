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
 * What balance means for the model. A stage's squared coefficient of variation is a sum over its
 * schools, CV² = Σᵢ aᵢ (cᵢ − Tᵢ)², where cᵢ is the school's indicator count, Tᵢ the count that would put
 * it at the county mean rate and aᵢ = 10⁴·Wᵢ / (Pᵢ²·ΣW·X̄²) (Wᵢ the school's pupils in the stage, Pᵢ all
 * its pupils, X̄ the mean per 100 pupils). The model prices each school's term exactly at whole counts,
 * so its LP relaxation cannot profit from fractional teachers.
 */
export interface BalanceTarget {
  target: number;
  present: number;
  /** aᵢ: CV² per squared unit of deviation. */
  curvature: number;
}

export type BalanceKey = `${Stage}:${IndicatorName}`;
export type BalanceTargets = Map<string, Map<BalanceKey, BalanceTarget>>;

export function balanceTargets(context: CountyContext): BalanceTargets {
  const { schools } = context.snapshot;
  const counts = new Map(
    schools.map((s) => [s.code, indicatorCounts(context.teachersBySchool.get(s.code) ?? [])]),
  );
  const result: BalanceTargets = new Map(schools.map((s) => [s.code, new Map()]));
  for (const stage of STAGES) {
    const members = schools.filter((s) => stageWeight(s, stage) > 0 && totalPupils(s) > 0);
    const weightSum = members.reduce((sum, s) => sum + stageWeight(s, stage), 0);
    if (members.length === 0 || weightSum <= 0) continue;
    for (const indicator of INDICATORS) {
      const meanPer100 =
        (100 *
          members.reduce(
            (sum, s) => sum + (stageWeight(s, stage) * counts.get(s.code)![indicator]) / totalPupils(s),
            0,
          )) /
        weightSum;
      if (meanPer100 <= 0) continue;
      for (const school of members) {
        const pupils = totalPupils(school);
        result.get(school.code)!.set(`${stage}:${indicator}`, {
          target: (meanPer100 * pupils) / 100,
          present: counts.get(school.code)![indicator],
          curvature:
            (1e4 * stageWeight(school, stage)) / (pupils * pupils * weightSum * meanPer100 * meanPer100),
        });
      }
    }
  }
  return result;
}

/** Change in a school's CV² term when its count moves from c to c + 1. */
export function stepUp(t: BalanceTarget, c: number): number {
  return t.curvature * (2 * (c - t.target) + 1);
}

/** Change in a school's CV² term when its count moves from c to c − 1. */
export function stepDown(t: BalanceTarget, c: number): number {
  return t.curvature * (-2 * (c - t.target) + 1);
}
