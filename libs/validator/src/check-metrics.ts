import {
  buildCountyContext,
  isSubject,
  localized,
  planMetrics,
  type CountyContext,
  type Plan,
  type PlanMove,
  type Snapshot,
} from '@tr/domain';
import type { Violation } from './violation';
import { isRecord } from './rules/rule-input';
import { checkWellFormed } from './rules/well-formed.rule';

/** Metrics are rounded to 4 decimals in plans; anything closer than this agrees. */
export const METRICS_TOLERANCE = 1e-3;

/**
 * Recomputes the plan's `metrics.before` and `metrics.after` with the domain's `planMetrics` (over no
 * moves, and over the moves the rules can count) and lists every difference as a `metrics_mismatch`,
 * naming the metric by its path.
 */
export function checkPlanMetrics(
  snapshot: Snapshot,
  plan: Plan,
  context: CountyContext = buildCountyContext(snapshot),
  /** The plan's well-formed moves, where the caller has checked them already. */
  moves: ReadonlyArray<{ move: PlanMove }> = checkWellFormed(context, snapshot.policy, plan).moves,
): Violation[] {
  const before = planMetrics(context, []);
  const after = planMetrics(
    context,
    moves.map(({ move }) => move),
  );
  const reported = plan.metrics as Partial<Plan['metrics']> | undefined;
  const violations: Violation[] = [];
  compare(['before'], before, reported?.before, violations);
  compare(['after'], after, reported?.after, violations);
  return violations;
}

function compare(path: string[], expected: unknown, actual: unknown, out: Violation[]): void {
  if (isRecord(expected) && isRecord(actual)) {
    // Plans written before every subject was listed leave subjects without a shortage out: absent means 0.
    const zeroWhenAbsent = path[path.length - 1] === 'shortage_fte_by_subject';
    for (const key of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
      const a = key in actual ? actual[key] : zeroWhenAbsent ? 0 : undefined;
      const e = key in expected ? expected[key] : zeroWhenAbsent ? 0 : undefined;
      compare([...path, key], e, a, out);
    }
    return;
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(expected - actual) <= METRICS_TOLERANCE) return;
  } else if (expected === actual) {
    return;
  }
  out.push(mismatch(path, expected, actual));
}

function mismatch(path: string[], expected: unknown, actual: unknown): Violation {
  const name = path.join('.');
  const shown = (value: unknown): string =>
    value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const violation: Violation = {
    rule: 'metrics_mismatch',
    message: localized(
      `方案指标 ${name} 为 ${shown(actual)}，重新计算为 ${shown(expected)}`,
      `plan metric ${name} is ${shown(actual)}, recomputed ${shown(expected)}`,
    ),
  };
  if (path[1] === 'school_rotation_rate' && path.length === 3) violation.school = path[2];
  if (path[1] === 'shortage_fte_by_subject' && path.length === 3 && isSubject(path[2]))
    violation.subject = path[2];
  return violation;
}
