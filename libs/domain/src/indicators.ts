import type { IndicatorName, IndicatorStat } from './plan';
import { stageSize, type School, type Stage, type Teacher } from './model';
import { PE_ARTS_SUBJECTS, type Subject } from './subjects';

/**
 * Balance indicators per 100 pupils (DOMAIN.md, 001 item 7) and their coefficient of variation across
 * the schools of a stage, computed as the national high-quality-balance assessment does: weighted by
 * pupils, CV = S / X̄ with X̄ = Σ PᵢXᵢ / Σ Pᵢ and S = √(Σ Pᵢ(Xᵢ − X̄)² / Σ Pᵢ).
 */

export const CV_LIMITS: Record<Stage, number> = { primary: 0.5, junior: 0.45 };

/** A teacher as the indicators see them: attributes plus the subject they teach at the school. */
export interface IndicatorMember {
  degree: Teacher['degree'];
  backbone: Teacher['backbone'];
  subject: Subject;
}

export function indicatorHits(member: IndicatorMember): Record<IndicatorName, number> {
  return {
    degree_above: member.degree === 'above' ? 1 : 0,
    backbone: member.backbone !== 'none' ? 1 : 0,
    pe_arts: PE_ARTS_SUBJECTS.has(member.subject) ? 1 : 0,
  };
}

export function indicatorCounts(members: readonly IndicatorMember[]): Record<IndicatorName, number> {
  const counts = { degree_above: 0, backbone: 0, pe_arts: 0 };
  for (const member of members) {
    const hits = indicatorHits(member);
    counts.degree_above += hits.degree_above;
    counts.backbone += hits.backbone;
    counts.pe_arts += hits.pe_arts;
  }
  return counts;
}

export function totalPupils(school: School): number {
  return school.pupilsPrimary + school.pupilsJunior;
}

/**
 * The pupils a school contributes to a stage's statistic. A nine-year school takes part in both, its
 * staff counted at the same rate per pupil in each (teachers are not recorded by stage); special
 * schools are assessed separately and left out.
 */
export function stageWeight(school: School, stage: Stage): number {
  if (!countsInStage(school, stage)) return 0;
  return stageSize(school, stage).pupils;
}

/** Whether a school's type takes part in a stage's balance statistic (see {@link stageWeight}). */
export function countsInStage(school: School, stage: Stage): boolean {
  return school.type === 'nine_year' || school.type === stage;
}

export function weightedCv(values: readonly { rate: number; weight: number }[]): {
  mean: number;
  cv: number;
} {
  const total = values.reduce((sum, v) => sum + v.weight, 0);
  if (total <= 0) return { mean: 0, cv: 0 };
  const mean = values.reduce((sum, v) => sum + v.weight * v.rate, 0) / total;
  if (mean <= 0) return { mean: 0, cv: 0 };
  const variance = values.reduce((sum, v) => sum + v.weight * (v.rate - mean) ** 2, 0) / total;
  return { mean, cv: Math.sqrt(variance) / mean };
}

export function stageIndicatorStats(
  schools: readonly School[],
  countsBySchool: ReadonlyMap<string, Record<IndicatorName, number>>,
  stage: Stage,
  indicator: IndicatorName,
): IndicatorStat {
  const values: { rate: number; weight: number }[] = [];
  for (const school of schools) {
    const weight = stageWeight(school, stage);
    if (weight <= 0) continue;
    const count = countsBySchool.get(school.code)?.[indicator] ?? 0;
    values.push({ rate: (100 * count) / totalPupils(school), weight });
  }
  const { mean, cv } = weightedCv(values);
  return { mean, cv, limit: CV_LIMITS[stage], schools: values.length };
}
