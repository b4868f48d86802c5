import { localized } from '@tr/domain';
import type { Violation } from '../violation';
import type { RuleInput } from './rule-input';

/**
 * Rule 11: what a flag says of a teacher is true. A head's rotation is relaxed by a flag naming the head;
 * one that gives an exemption (`detail.exempt`, an eligibility reason) relaxes it only if the snapshot
 * bears it out, so a plan cannot keep a head at their school by claiming, say, retirement that is years
 * away. Flags saying no exchange was possible are taken as they are: proving that needs a solve.
 */
export function checkFlagClaims({ context, plan }: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const flag of plan.plan?.flags ?? []) {
    if (flag?.rule !== 'head_rotation' || flag.detail?.exempt === undefined) continue;
    const id = String(flag.detail.teacher_id);
    const claimed = String(flag.detail.exempt);
    const eligibility = context.eligibility.get(id);
    if (eligibility === undefined) {
      violations.push({
        rule: 'unwarranted_flag',
        teacher_id: id,
        message: localized(
          `标记称 ${id} 免于交流（${claimed}），但名册中没有该教师`,
          `a flag says ${id} is exempt (${claimed}), but the snapshot has no such teacher`,
        ),
      });
    } else if (eligibility.reason !== claimed) {
      violations.push({
        rule: 'unwarranted_flag',
        teacher_id: id,
        message: localized(
          `标记称 ${id} 免于交流（${claimed}），但按名册：${eligibility.explanation.zh}`,
          `a flag says ${id} is exempt (${claimed}), but by the snapshot: ${eligibility.explanation.en}`,
        ),
      });
    }
  }
  return violations;
}
