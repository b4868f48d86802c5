import { countyMoverBounds, isHead, type CountyContext, type PlanFlag, type Teacher } from '@tr/domain';
import type { NamedMove } from './teacher-naming';

/**
 * The rules a plan had to relax, judged on the county as a whole: a region short of movers is no flag
 * if the county still meets its rate. Heads past their terms who stay are always named, with the reason.
 */
export function planFlags(
  context: CountyContext,
  moves: readonly NamedMove[],
  dueHeads: readonly Teacher[],
): PlanFlag[] {
  const { policy } = context.snapshot;
  const flags: PlanFlag[] = [];
  const bounds = countyMoverBounds(context.eligibleTotal, policy.min_rotation_rate, policy.max_rotation_rate);
  if (moves.length < bounds.min) {
    const detail = { movers: moves.length, required: bounds.min, eligible: context.eligibleTotal };
    // The band between the two rates can hold no whole number of teachers (1,676 eligible at 15%–15%).
    const emptyBand = bounds.min > bounds.max;
    flags.push({
      rule: 'min_rotation_rate',
      message: emptyBand
        ? `the rates ${policy.min_rotation_rate}–${policy.max_rotation_rate} of ${context.eligibleTotal} eligible teachers hold no whole number of movers: the minimum needs ${bounds.min}, the maximum allows ${bounds.max}; the plan keeps the maximum and rotates ${moves.length}`
        : `only ${moves.length} of ${context.eligibleTotal} eligible teachers can rotate under the other rules (distance, staffing caps, per-school limits); the minimum rate ${policy.min_rotation_rate} needs ${bounds.min}`,
      message_zh: emptyBand
        ? `交流比例区间 ${policy.min_rotation_rate}–${policy.max_rotation_rate} 对 ${context.eligibleTotal} 名符合条件教师没有整数人数：最低比例需 ${bounds.min} 人，最高比例只允许 ${bounds.max} 人；方案遵守最高比例，交流 ${moves.length} 人`
        : `在距离、学科编制、各校交流上限等规则下，${context.eligibleTotal} 名符合条件教师中只能交流 ${moves.length} 人，未达最低交流比例 ${policy.min_rotation_rate} 所需的 ${bounds.min} 人`,
      detail: emptyBand ? { ...detail, allowed: bounds.max } : detail,
    });
  }
  const backbone = moves.filter((m) => m.teacher.backbone !== 'none').length;
  if (moves.length > 0 && backbone < policy.min_backbone_share * moves.length - 1e-9) {
    flags.push({
      rule: 'min_backbone_share',
      message: `only ${backbone} backbone teachers among ${moves.length} movers can rotate; the policy asks for a share of ${policy.min_backbone_share}`,
      message_zh: `交流人员 ${moves.length} 人中骨干教师只有 ${backbone} 人可交流，未达骨干比例 ${policy.min_backbone_share}`,
      detail: { backbone_movers: backbone, movers: moves.length },
    });
  }
  const moved = new Set(moves.map((m) => m.teacher.id));
  // An exchange moves two heads or more: a county allowed fewer movers has room for none, however near.
  const noRoom = bounds.max < 2;
  for (const head of dueHeads) {
    if (moved.has(head.id)) continue;
    const who = `${head.id} (${head.role} of ${head.schoolCode}, ${head.termsAsHead} terms)`;
    const whoZh = `${head.schoolCode} 的校级领导 ${head.id}（已任 ${head.termsAsHead} 届）`;
    flags.push({
      rule: 'head_rotation',
      message: noRoom
        ? `no head exchange is possible for ${who}: the maximum rate ${policy.max_rotation_rate} allows ${bounds.max} of ${context.eligibleTotal} eligible teachers to rotate, and an exchange moves two heads`
        : `no head exchange is possible for ${who}: no eligible head of the same role within ${policy.max_distance_km} km can swap under the staffing rules`,
      message_zh: noRoom
        ? `${whoZh}无法安排互换：最高交流比例 ${policy.max_rotation_rate} 下 ${context.eligibleTotal} 名符合条件教师只能交流 ${bounds.max} 人，而一次互换要交流两名领导`
        : `${whoZh}无法安排互换：${policy.max_distance_km} 公里内没有可在学科编制规则下互换的同职务领导`,
      detail: { teacher_id: head.id, school: head.schoolCode },
    });
  }
  flags.push(...exemptHeadFlags(context));
  return flags;
}

/**
 * Heads past `head_max_terms` whom an exemption (retirement, leave, service period) keeps from rotating:
 * the rule "heads past their terms rotate" does not hold for them, and the plan says why.
 */
function exemptHeadFlags(context: CountyContext): PlanFlag[] {
  const { policy } = context.snapshot;
  return context.snapshot.teachers
    .filter(
      (t) => isHead(t) && t.termsAsHead >= policy.head_max_terms && !context.eligibility.get(t.id)!.eligible,
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((head) => {
      const { reason, explanation } = context.eligibility.get(head.id)!;
      return {
        rule: 'head_rotation',
        message: `${head.id} (${head.role} of ${head.schoolCode}, ${head.termsAsHead} terms) is past the ${policy.head_max_terms}-term limit but does not rotate (${explanation.en})`,
        message_zh: `${head.schoolCode} 的校级领导 ${head.id}（已任 ${head.termsAsHead} 届）已满 ${policy.head_max_terms} 届，但不参加交流（${explanation.zh}）`,
        detail: { teacher_id: head.id, school: head.schoolCode, exempt: reason },
      };
    });
}
