import type { LinearModel } from './linear-model';

/**
 * How plans are measured against bounds: on the objective less what a plan pays for rules it had to relax.
 */

/**
 * How far a value is above a lower bound, relative to the value less `fixed`: what the value pays for
 * relaxed rules. A county that must relax a rule pays its penalty in the plan and in the bound alike, and
 * the gap is then measured on the rest of the objective, not diluted by a million-unit penalty.
 */
export function relativeGap(value: number, bound: number, fixed = 0): number {
  return (value - bound) / Math.max(1, Math.abs(value - fixed));
}

/** The costliest value within `gap` of a lower bound, as relativeGap measures it (its inverse). */
export function highestWithinGap(bound: number, gap: number, fixed = 0): number {
  // relativeGap divides by max(1, |value − fixed|): one formula per range of that difference.
  const above = bound - fixed;
  if (above >= 1 - gap) return fixed + above / (1 - gap);
  if (above > -1 - gap) return fixed + above + gap;
  return fixed + above / (1 + gap);
}

/**
 * What a point pays for relaxed rules (the plan's penalty columns). With a `reference` point, only what
 * both pay, column by column: of a plan's penalties, the part its LP relaxation pays too. What a plan pays
 * beyond that (a coefficient of variation the LP could cut by fractions of a teacher and the plan cannot)
 * is part of how far it is from the bound, not of what no plan could avoid.
 */
export function penaltyCost(
  model: LinearModel,
  values: Float64Array,
  penalties?: readonly number[],
  reference?: Float64Array,
): number {
  let cost = 0;
  for (const c of penalties ?? [])
    cost += model.colCost[c] * (reference ? Math.min(values[c], reference[c]) : values[c]);
  return cost;
}
