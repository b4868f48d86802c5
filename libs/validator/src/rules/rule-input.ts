import type { CountyContext, Plan, PlanMove, Policy, SchoolStaffAfter, Teacher } from '@tr/domain';

/** A move whose teacher and destination are known, so the staffing rules can count it. */
export interface ResolvedMove {
  move: PlanMove;
  teacher: Teacher;
}

/** What every rule after the first reads: the county, the policy in force and the countable moves. */
export interface RuleInput {
  context: CountyContext;
  /** The snapshot's policy: the plan's own copy of it is checked, never used. */
  policy: Policy;
  plan: Plan;
  /**
   * Moves of a known teacher, listed for the first time, to a known school other than the teacher's
   * current one. A move broken in any other way (wrong subject, kind or term) still counts here, as the
   * plan would carry it out; its own fault is reported by the well-formedness rule.
   */
  moves: ResolvedMove[];
  /** Of `moves`, all but the allocations: the rotation rules count these (see `isAllocation`). */
  rotations: ResolvedMove[];
  staffAfter: Map<string, SchoolStaffAfter>;
}

/** A JSON object (not an array, not null): what a plan's parts must be before their fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number as messages show it: at most four decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 1e4) / 1e4 + 0);
}

/** A rate as a percentage with at most two decimals. */
export function pct(value: number): string {
  return `${Math.round(value * 1e4) / 100 + 0}%`;
}
