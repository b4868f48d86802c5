import {
  buildCountyContext,
  isAllocation,
  staffAfterPlan,
  type CountyContext,
  type Plan,
  type PlanFlag,
  type Snapshot,
} from '@tr/domain';
import { checkPlanMetrics } from './check-metrics';
import { RELAXABLE_RULES } from './rule-codes';
import { checkDistance } from './rules/distance.rule';
import { checkFlagClaims } from './rules/flag-claims.rule';
import { checkHeads } from './rules/heads.rule';
import { checkBackboneShare, checkCountyRate, checkEligibleMovers } from './rules/movers.rule';
import { checkPlanFormat } from './rules/plan-format.rule';
import { checkPolicy } from './rules/policy.rule';
import type { RuleInput } from './rules/rule-input';
import { checkSchoolSendCap, checkSchoolStaffing } from './rules/school-staffing.rule';
import { checkWellFormed } from './rules/well-formed.rule';
import type { ValidationReport, Violation } from './violation';

export interface ValidateOptions {
  /** The snapshot's context, when the caller has built it already (it must be of this snapshot). */
  context?: CountyContext;
  /** Also recompute the plan's metrics and report differences as `metrics_mismatch` (off by default). */
  checkMetrics?: boolean;
}

const RULES: ReadonlyArray<(input: RuleInput) => Violation[]> = [
  checkEligibleMovers,
  checkCountyRate,
  checkBackboneShare,
  checkSchoolSendCap,
  checkSchoolStaffing,
  checkDistance,
  checkHeads,
  checkPolicy,
  checkFlagClaims,
];

/**
 * Checks a plan against every hard rule, recomputed from the snapshot alone: of the plan only its
 * moves and flags are read (and its header's year, policy and snapshot hash, to compare them with the
 * snapshot's).
 */
export function validatePlan(
  snapshot: Snapshot,
  plan: Plan,
  options: ValidateOptions = {},
): ValidationReport {
  const context = options.context ?? buildCountyContext(snapshot);
  const policy = snapshot.policy;
  const format = checkPlanFormat(plan);
  // A plan without a list of moves is checked as one that moves nobody; its format says what is wrong.
  if (!Array.isArray((plan as Partial<Plan> | undefined)?.moves)) plan = { ...plan, moves: [] };
  const wellFormed = checkWellFormed(context, policy, plan);
  const input: RuleInput = {
    context,
    policy,
    plan,
    moves: wellFormed.moves,
    rotations: wellFormed.moves.filter(({ move }) => !isAllocation(move)),
    staffAfter: staffAfterPlan(
      context,
      wellFormed.moves.map(({ move }) => move),
    ),
  };
  const all = [...format, ...wellFormed.violations, ...RULES.flatMap((rule) => rule(input))];
  if (options.checkMetrics) all.push(...checkPlanMetrics(snapshot, plan, context, wellFormed.moves));

  const relaxable = relaxations((plan.plan as Partial<Plan['plan']> | undefined)?.flags ?? []);
  const violations: Violation[] = [];
  const relaxed: Violation[] = [];
  for (const violation of all) (relaxable(violation) ? relaxed : violations).push(violation);
  return { violations, relaxed, ok: violations.length === 0 };
}

/**
 * A relaxable rule is relaxed when the plan flags it; a head's rotation only when the flag names
 * that head in `detail.teacher_id`.
 */
function relaxations(flags: readonly PlanFlag[]): (violation: Violation) => boolean {
  const rules = new Set<string>();
  const heads = new Set<string>();
  for (const flag of flags) {
    if (flag.rule === 'head_rotation') {
      if (flag.detail?.teacher_id !== undefined) heads.add(String(flag.detail.teacher_id));
    } else rules.add(flag.rule);
  }
  return (violation) => {
    if (!RELAXABLE_RULES.has(violation.rule)) return false;
    if (violation.rule === 'head_rotation')
      return violation.teacher_id !== undefined && heads.has(violation.teacher_id);
    return rules.has(violation.rule);
  };
}
