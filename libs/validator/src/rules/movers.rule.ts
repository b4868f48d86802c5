import { countyMoverBounds, localized } from '@tr/domain';
import type { Violation } from '../violation';
import { pct, type RuleInput } from './rule-input';

/** Backbone share is compared with this tolerance, so 1 of 5 meets a 20% share despite rounding. */
const SHARE_TOLERANCE = 1e-9;

/** Rule 2: only teachers who meet the exchange conditions rotate (allocations are not rotations). */
export function checkEligibleMovers({ context, rotations }: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const { teacher } of rotations) {
    const eligibility = context.eligibility.get(teacher.id);
    if (!eligibility || eligibility.eligible) continue;
    violations.push({
      rule: 'ineligible_mover',
      teacher_id: teacher.id,
      school: teacher.schoolCode,
      message: localized(
        `教师 ${teacher.id} 不符合交流条件（${eligibility.reason}）：${eligibility.explanation.zh}`,
        `teacher ${teacher.id} does not meet the exchange conditions (${eligibility.reason}): ${eligibility.explanation.en}`,
      ),
    });
  }
  return violations;
}

/** Rule 3: rotating teachers ÷ eligible teachers within the policy's rate band. */
export function checkCountyRate({ context, policy, rotations }: RuleInput): Violation[] {
  const eligible = context.eligibleTotal;
  const movers = rotations.length;
  const bounds = countyMoverBounds(eligible, policy.min_rotation_rate, policy.max_rotation_rate);
  const rate = eligible > 0 ? movers / eligible : 0;
  if (movers < bounds.min) {
    return [
      {
        rule: 'min_rotation_rate',
        message: localized(
          `交流 ${movers} 人，符合条件 ${eligible} 人，比例 ${pct(rate)}，低于下限 ${pct(policy.min_rotation_rate)}（至少 ${bounds.min} 人）`,
          `${movers} movers of ${eligible} eligible teachers (${pct(rate)}), below the minimum ${pct(policy.min_rotation_rate)} (at least ${bounds.min})`,
        ),
      },
    ];
  }
  if (movers > bounds.max) {
    return [
      {
        rule: 'max_rotation_rate',
        message: localized(
          `交流 ${movers} 人，符合条件 ${eligible} 人，比例 ${pct(rate)}，高于上限 ${pct(policy.max_rotation_rate)}（至多 ${bounds.max} 人）`,
          `${movers} movers of ${eligible} eligible teachers (${pct(rate)}), above the maximum ${pct(policy.max_rotation_rate)} (at most ${bounds.max})`,
        ),
      },
    ];
  }
  return [];
}

/** Rule 4: backbone teachers are at least `min_backbone_share` of those rotating. */
export function checkBackboneShare({ policy, rotations }: RuleInput): Violation[] {
  const movers = rotations.length;
  if (movers === 0) return [];
  const backbone = backboneMovers(rotations);
  if (meetsBackboneShare(backbone, movers, policy.min_backbone_share)) return [];
  const needed = Math.ceil(policy.min_backbone_share * movers - SHARE_TOLERANCE);
  return [
    {
      rule: 'min_backbone_share',
      message: localized(
        `交流 ${movers} 人中骨干教师 ${backbone} 人，占 ${pct(backbone / movers)}，低于 ${pct(policy.min_backbone_share)}（至少 ${needed} 人）`,
        `${backbone} backbone teachers among ${movers} movers (${pct(backbone / movers)}), below ${pct(policy.min_backbone_share)} (at least ${needed})`,
      ),
    },
  ];
}

/** Backbone teachers (any level) among the rotations. */
export function backboneMovers(rotations: RuleInput['rotations']): number {
  return rotations.filter(({ teacher }) => teacher.backbone !== 'none').length;
}

/** Whether `backbone` of `movers` make the share (1 of 5 meets 20% despite rounding). */
export function meetsBackboneShare(backbone: number, movers: number, share: number): boolean {
  return backbone >= share * movers - SHARE_TOLERANCE;
}
