import { stageSize, type CurriculumEntry, type School, type Teacher } from './model';
import { SUBJECTS, type Subject } from './subjects';

/** Subject → full-time equivalents; subjects a school neither needs nor has are left out. */
export type SubjectTable = Partial<Record<Subject, number>>;

/** Guards rounding of sums like 3 × 4.5 / 13.5, which floating point can land just above an integer. */
const EPSILON = 1e-9;

export function ceilFte(value: number): number {
  return Math.ceil(value - EPSILON) + 0; // + 0 turns the -0 of ceil(-EPSILON) into 0
}

/**
 * Subject need of one school in full-time equivalents: weekly periods per class × classes ÷ a full
 * load, summed over the stages the school teaches (DOMAIN.md "Numbers that make a plan good or bad").
 */
export function subjectNeed(school: School, curriculum: readonly CurriculumEntry[]): SubjectTable {
  const need: SubjectTable = {};
  for (const entry of curriculum) {
    const { classes } = stageSize(school, entry.stage);
    if (classes <= 0 || entry.periodsPerClassWeek <= 0) continue;
    need[entry.subject] =
      (need[entry.subject] ?? 0) + (classes * entry.periodsPerClassWeek) / entry.fullLoadPeriods;
  }
  return need;
}

/** Supply counts every teacher at the school by main subject, whatever their status. */
export function subjectSupply(teachers: readonly Teacher[]): SubjectTable {
  const supply: SubjectTable = {};
  for (const teacher of teachers) supply[teacher.subject] = (supply[teacher.subject] ?? 0) + 1;
  return supply;
}

export function shortage(need: SubjectTable, supply: SubjectTable): SubjectTable {
  const result: SubjectTable = {};
  for (const subject of SUBJECTS) {
    const gap = (need[subject] ?? 0) - (supply[subject] ?? 0);
    if (gap > EPSILON) result[subject] = gap;
  }
  return result;
}

/**
 * The most a school × subject may hold after a plan: its present staff or its need rounded up,
 * whichever is larger ("no overstaffing").
 */
export function staffingCap(need: number, present: number): number {
  return Math.max(present, ceilFte(need));
}

export function groupBySchool<T extends { schoolCode: string }>(items: readonly T[]): Map<string, T[]> {
  const bySchool = new Map<string, T[]>();
  for (const item of items) {
    const list = bySchool.get(item.schoolCode);
    if (list) list.push(item);
    else bySchool.set(item.schoolCode, [item]);
  }
  return bySchool;
}
