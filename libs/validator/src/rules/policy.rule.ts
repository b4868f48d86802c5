import { localized } from '@tr/domain';
import type { Violation } from '../violation';
import type { RuleInput } from './rule-input';

/** Rule 10: the plan's year and policy are the snapshot's, key by key. */
export function checkPolicy({ policy, plan }: RuleInput): Violation[] {
  const violations: Violation[] = [];
  const header = plan.plan as Partial<typeof plan.plan> | undefined;
  if (header?.year !== policy.year) {
    violations.push({
      rule: 'policy_mismatch',
      message: localized(
        `方案学年 ${String(header?.year)} 与政策学年 ${policy.year} 不一致`,
        `plan year ${String(header?.year)} differs from the policy year ${policy.year}`,
      ),
    });
  }
  const expected = policy as unknown as Record<string, unknown>;
  const actual = (header?.policy ?? {}) as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const key of keys) {
    if (expected[key] === actual[key]) continue;
    violations.push({
      rule: 'policy_mismatch',
      message: localized(
        `方案政策参数 ${key} = ${String(actual[key])}，名册为 ${String(expected[key])}`,
        `plan policy ${key} = ${String(actual[key])}, the snapshot says ${String(expected[key])}`,
      ),
    });
  }
  return violations;
}
