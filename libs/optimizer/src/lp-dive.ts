import { INTEGRALITY_TOLERANCE, isWhole, restrictColumns, type LinearModel } from './linear-model';
import type { LpSession, LpSessionResult, MipSolver } from './solver';

export interface DiveOptions {
  timeLimitSeconds: number;
  /** Columns that share a family (a teacher group's destinations) are rounded one per dive step. */
  family?: Int32Array;
}

export interface DivedPlan {
  /** A whole value for every integer column of the model. */
  values: Float64Array;
  objective: number;
  /** Columns of the dive model. */
  columns: number;
  /** LP solves the dive took, the first included. */
  lpSolves: number;
}

/**
 * Share of the fractional columns a dive step rounds. Hohhot's exact LP has about 450 fractional columns:
 * at 3% the dive takes 20–27 re-solves and ends 0.08–0.10% above the LP bound (seeds 1, 4 and 5); at 10%
 * and 25% it took fewer solves but ended 0.66% and 0.96% above it (seed 1).
 */
const STEP_SHARE = 0.03;

/**
 * Rounds an LP optimum to a plan by diving, the way a MIP solver's RENS heuristic starts. The dive model
 * keeps every continuous column and the integer columns the LP uses, each between the whole numbers
 * around its LP value. Each step fixes the fractional columns nearest a whole number, at most one per
 * family (two halves of a group must not both round up), and re-solves from the last basis. A step that
 * makes the LP infeasible is undone and tried again with half as many columns; a single column is tried on
 * the other side of its value too, and when neither side holds, the dive gives up. On Hohhot's exact LP
 * this takes 0.3–0.6 s, where HiGHS's MIP over the same LP took 0.8–1.0 s for a plan as close to the bound.
 */
export async function diveToIntegral(
  model: LinearModel,
  solver: MipSolver,
  lpValues: Float64Array,
  options: DiveOptions,
): Promise<DivedPlan | undefined> {
  if (!solver.openLp) return undefined;
  const started = performance.now();
  const remaining = () => Math.max(1, options.timeLimitSeconds - (performance.now() - started) / 1000);
  const keep: number[] = [];
  for (let c = 0; c < model.numCols; c++)
    if (!model.integer[c] || lpValues[c] > INTEGRALITY_TOLERANCE) keep.push(c);
  const dive = roundedModel(restrictColumns(model, keep), keep, lpValues);
  const session = await solver.openLp(
    dive,
    keep.map((_, i) => i),
  );
  try {
    const family = options.family;
    const familyOf = (i: number) => (family ? family[keep[i]] : -1);
    let lp = session.solve(remaining());
    let lpSolves = 1;
    for (;;) {
      if (lp.status !== 'optimal') return undefined;
      const fractional = fractionalColumns(dive, lp.values);
      if (fractional.length === 0) break;
      let size = Math.max(1, Math.ceil(fractional.length * STEP_SHARE));
      for (;;) {
        let step = nearestWhole(fractional, lp.values, size, familyOf);
        let next = fixColumns(session, dive, step, remaining());
        lpSolves += 1;
        if (next.status === 'infeasible' && step.positions.length === 1) {
          // One column that can't take its nearest whole number: the other side, or the dive ends.
          const [position] = step.positions;
          step = {
            positions: step.positions,
            targets: Float64Array.of(otherSide(lp.values[position], step.targets[0])),
          };
          next = fixColumns(session, dive, step, remaining());
          lpSolves += 1;
        }
        if (next.status === 'optimal') {
          lp = next;
          break;
        }
        if (next.status !== 'infeasible' || step.positions.length === 1) return undefined;
        size = Math.max(1, Math.floor(step.positions.length / 2));
      }
    }
    const values = new Float64Array(model.numCols);
    keep.forEach((c, i) => (values[c] = dive.integer[i] ? Math.round(lp.values[i]) : lp.values[i]));
    return { values, objective: lp.objective, columns: keep.length, lpSolves };
  } finally {
    session.close();
  }
}

/** Integer columns bounded by the whole numbers on either side of their LP value. */
function roundedModel(restricted: LinearModel, keep: readonly number[], lpValues: Float64Array): LinearModel {
  const colLower = Float64Array.from(restricted.colLower);
  const colUpper = Float64Array.from(restricted.colUpper);
  keep.forEach((c, i) => {
    if (!restricted.integer[i]) return;
    const value = lpValues[c];
    colLower[i] = Math.max(colLower[i], Math.floor(value + INTEGRALITY_TOLERANCE));
    colUpper[i] = Math.min(colUpper[i], Math.ceil(value - INTEGRALITY_TOLERANCE));
  });
  return { ...restricted, colLower, colUpper };
}

/** Fractional integer columns, nearest a whole number first (ties by position, so dives repeat exactly). */
function fractionalColumns(model: LinearModel, values: Float64Array): number[] {
  const fractional: number[] = [];
  for (let i = 0; i < model.numCols; i++) if (model.integer[i] && !isWhole(values[i])) fractional.push(i);
  const distance = (i: number) => Math.abs(values[i] - Math.round(values[i]));
  return fractional.sort((a, b) => distance(a) - distance(b) || a - b);
}

interface DiveStep {
  positions: Int32Array;
  targets: Float64Array;
}

/** Up to `size` of the fractional columns, at most one per family, with the whole numbers they round to. */
function nearestWhole(
  fractional: readonly number[],
  values: Float64Array,
  size: number,
  familyOf: (i: number) => number,
): DiveStep {
  const families = new Set<number>();
  const chosen: number[] = [];
  for (const i of fractional) {
    if (chosen.length >= size) break;
    const f = familyOf(i);
    if (f >= 0) {
      if (families.has(f)) continue;
      families.add(f);
    }
    chosen.push(i);
  }
  chosen.sort((a, b) => a - b);
  return {
    positions: Int32Array.from(chosen),
    targets: Float64Array.from(chosen, (i) => Math.round(values[i])),
  };
}

/** The whole number on the other side of a fractional value from `whole`. */
function otherSide(value: number, whole: number): number {
  return whole > value ? Math.floor(value) : Math.ceil(value);
}

/** Fixes the step's columns and re-solves; an infeasible step gets its columns' bounds back. */
function fixColumns(
  session: LpSession,
  model: LinearModel,
  step: DiveStep,
  timeLimitSeconds: number,
): LpSessionResult {
  session.setColumnBounds(step.positions, step.targets, step.targets);
  const next = session.solve(timeLimitSeconds);
  if (next.status === 'optimal') {
    step.positions.forEach((i, k) => {
      model.colLower[i] = step.targets[k];
      model.colUpper[i] = step.targets[k];
    });
  } else {
    session.setColumnBounds(
      step.positions,
      Float64Array.from(step.positions, (i) => model.colLower[i]),
      Float64Array.from(step.positions, (i) => model.colUpper[i]),
    );
  }
  return next;
}
