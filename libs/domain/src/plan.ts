import type { Policy } from './policy';
import type { Role } from './model';
import type { Subject } from './subjects';

/** The `plan.json` of FORMATS.md. Field names are the public contract (snake_case). */

export type MoveKind = 'rotation' | 'allocation';

export interface PlanMove {
  teacher_id: string;
  from_school: string;
  to_school: string;
  /** What the teacher will teach at `to_school`: their main subject or one of their extra subjects. */
  subject: Subject;
  kind: MoveKind;
  /** Rotation term; absent for allocations. */
  term_years?: number;
  /** Why this move, in English. */
  reasons: string[];
  /** The same reasons in Chinese. */
  reasons_zh: string[];
  /** Set for a principal or vice principal who moves to head the destination school. */
  role?: Exclude<Role, 'teacher'>;
}

/**
 * An allocation (组织调剂 of teachers left without a post) is no rotation (交流轮岗): it counts toward none
 * of the rotation rules (eligibility, rate, backbone share, a school's send cap), only toward staffing.
 * Any other move is held to them, one of an unknown kind included.
 */
export function isAllocation(move: Pick<PlanMove, 'kind'>): boolean {
  return move.kind === 'allocation';
}

/** A rule the plan could not meet; the plan relaxes only this rule, and says so. */
export interface PlanFlag {
  rule: string;
  message: string;
  message_zh: string;
  /** E.g. the shortfall in movers, or the teacher id a head exchange could not include. */
  detail?: Record<string, string | number>;
}

export interface IndicatorStat {
  /** Pupil-weighted mean of the indicator per 100 pupils. */
  mean: number;
  /** Pupil-weighted coefficient of variation across schools of the stage. */
  cv: number;
  limit: number;
  schools: number;
}

export interface PlanMetricsSnapshot {
  shortage_fte_by_subject: Partial<Record<Subject, number>>;
  shortage_fte_total: number;
  /** Shortage in music, PE, art, science, psychology, IT and labour at rural schools. */
  rural_scarce_shortage_fte: number;
  /** Every move, rotations and allocations. */
  movers: number;
  eligible: number;
  /** Rotations ÷ eligible teachers (allocations are not rotations). */
  county_rotation_rate: number;
  /** Backbone teachers among the rotations. */
  backbone_movers: number;
  /** Backbone rotations ÷ rotations; 0 when nobody rotates. */
  backbone_share: number;
  /** Per school, the teachers it sends on rotation ÷ its eligible teachers. */
  school_rotation_rate: Record<string, number>;
  /** Per 100 pupils, by stage: indicator → statistic. */
  indicators: Record<'primary' | 'junior', Record<IndicatorName, IndicatorStat>>;
}

export const INDICATORS = ['degree_above', 'backbone', 'pe_arts'] as const;
export type IndicatorName = (typeof INDICATORS)[number];

export interface PlanHeader {
  id: string;
  county: string;
  year: number;
  status: 'draft';
  policy: Policy;
  snapshot_hash: string;
  solver: {
    name: string;
    version: string;
    objective: number;
    lp_bound: number;
    gap: number;
    status: string;
    /**
     * Where a MIP over the whole model ran (small counties), the lower bound it proved on every whole-teacher
     * plan, and the plan's gap to it: a county whose LP relaxation is weak reads a large `gap` beside a small
     * `integer_gap`.
     */
    integer_bound?: number;
    integer_gap?: number;
  };
  flags: PlanFlag[];
}

export interface Plan {
  plan: PlanHeader;
  moves: PlanMove[];
  metrics: { before: PlanMetricsSnapshot; after: PlanMetricsSnapshot };
}
