import { localized, snapshotHash } from '@tr/domain';
import type { Violation } from '../violation';
import type { RuleInput } from './rule-input';

/**
 * Rule 10: the plan's year and policy are the snapshot's, key by key, and the plan was made for this
 * snapshot: its `snapshot_hash` is the snapshot's. The county's name is left out of that comparison,
 * since a CSV folder without one is named after the folder and a copy of it holds the same data.
 */
export function checkPolicy({ context, policy, plan }: RuleInput): Violation[] {
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
  const hash = header?.snapshot_hash;
  if (typeof hash === 'string' && hash.length > 0) {
    const county = typeof header?.county === 'string' ? header.county : context.snapshot.county;
    const actualHash = snapshotHash({ ...context.snapshot, county });
    if (hash !== actualHash)
      violations.push({
        rule: 'snapshot_mismatch',
        message: localized(
          `方案的名册哈希 ${hash.slice(0, 12)}… 与此名册 ${actualHash.slice(0, 12)}… 不同：方案是按另一份名册编制的，名册改动后应重新编制`,
          `the plan's snapshot_hash ${hash.slice(0, 12)}… is not this snapshot's ${actualHash.slice(0, 12)}…: the plan was made for other data; plan again after changing the snapshot`,
        ),
      });
  }
  return violations;
}
