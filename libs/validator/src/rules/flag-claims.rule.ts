import { countyMoverBounds, localized, type Localized, type PlanFlag } from '@tr/domain';
import type { Violation } from '../violation';
import { backboneMovers, meetsBackboneShare } from './movers.rule';
import type { RuleInput } from './rule-input';

/**
 * Rule 11: what a flag says is true of the plan and the snapshot. A flag relaxes a rule; one that relaxes
 * a rule the plan meets, or gives numbers the plan does not have, misleads whoever reads it, and one that
 * gives a head an exemption (`detail.exempt`, an eligibility reason) the snapshot does not bear out would
 * let a plan keep a due head at their school by claiming, say, a retirement years away. That no exchange
 * or no more movers were possible is taken as the flag says: proving it needs a solve. Numbers a flag
 * leaves out are not checked (FORMATS.md does not define them).
 */
export function checkFlagClaims(input: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const flag of input.plan.plan?.flags ?? []) {
    if (flag?.rule === 'head_rotation') violations.push(...headClaims(input, flag));
    else if (flag?.rule === 'min_rotation_rate') violations.push(...rateClaims(input, flag));
    else if (flag?.rule === 'min_backbone_share') violations.push(...backboneClaims(input, flag));
  }
  return violations;
}

function unwarranted(text: Localized, teacher_id?: string): Violation {
  return { rule: 'unwarranted_flag', ...(teacher_id === undefined ? {} : { teacher_id }), message: text };
}

function headClaims({ context, moves }: RuleInput, flag: PlanFlag): Violation[] {
  const id = String(flag.detail?.teacher_id);
  if (moves.some(({ teacher }) => teacher.id === id))
    return [
      unwarranted(
        localized(
          `标记称 ${id} 未交流，但方案安排其调动`,
          `a flag says ${id} does not rotate, but the plan moves them`,
        ),
        id,
      ),
    ];
  if (flag.detail?.exempt === undefined) return [];
  const claimed = String(flag.detail.exempt);
  const eligibility = context.eligibility.get(id);
  if (eligibility === undefined)
    return [
      unwarranted(
        localized(
          `标记称 ${id} 免于交流（${claimed}），但名册中没有该教师`,
          `a flag says ${id} is exempt (${claimed}), but the snapshot has no such teacher`,
        ),
        id,
      ),
    ];
  if (eligibility.reason === claimed) return [];
  return [
    unwarranted(
      localized(
        `标记称 ${id} 免于交流（${claimed}），但按名册：${eligibility.explanation.zh}`,
        `a flag says ${id} is exempt (${claimed}), but by the snapshot: ${eligibility.explanation.en}`,
      ),
      id,
    ),
  ];
}

function rateClaims({ context, policy, rotations }: RuleInput, flag: PlanFlag): Violation[] {
  const bounds = countyMoverBounds(context.eligibleTotal, policy.min_rotation_rate, policy.max_rotation_rate);
  const violations: Violation[] = [];
  if (rotations.length >= bounds.min)
    violations.push(
      unwarranted(
        localized(
          `标记称未达最低交流比例，但方案交流 ${rotations.length} 人，已达所需 ${bounds.min} 人`,
          `a flag says the minimum rate could not be met, but the plan rotates ${rotations.length}, the ${bounds.min} it needs`,
        ),
      ),
    );
  if (flag.detail?.allowed !== undefined && bounds.min <= bounds.max)
    violations.push(
      unwarranted(
        localized(
          `标记称交流比例区间没有整数人数，但 ${bounds.min}–${bounds.max} 人都在区间内`,
          `a flag says the rate band holds no whole number of movers, but ${bounds.min}–${bounds.max} lie in it`,
        ),
      ),
    );
  violations.push(
    ...wrongNumbers(flag, {
      movers: rotations.length,
      required: bounds.min,
      eligible: context.eligibleTotal,
      allowed: bounds.max,
    }),
  );
  return violations;
}

function backboneClaims({ policy, rotations }: RuleInput, flag: PlanFlag): Violation[] {
  const backbone = backboneMovers(rotations);
  const violations: Violation[] = [];
  if (meetsBackboneShare(backbone, rotations.length, policy.min_backbone_share))
    violations.push(
      unwarranted(
        localized(
          `标记称骨干比例不足，但交流 ${rotations.length} 人中骨干 ${backbone} 人，已达 ${policy.min_backbone_share}`,
          `a flag says the backbone share could not be met, but ${backbone} of ${rotations.length} movers are backbone, meeting ${policy.min_backbone_share}`,
        ),
      ),
    );
  violations.push(...wrongNumbers(flag, { backbone_movers: backbone, movers: rotations.length }));
  return violations;
}

/** The flag's numbers that differ from the plan's own. */
function wrongNumbers(flag: PlanFlag, actual: Record<string, number>): Violation[] {
  return Object.entries(actual)
    .filter(([key, value]) => flag.detail?.[key] !== undefined && Number(flag.detail[key]) !== value)
    .map(([key, value]) =>
      unwarranted(
        localized(
          `标记 ${flag.rule} 的 ${key} 为 ${String(flag.detail![key])}，按方案与名册为 ${value}`,
          `flag ${flag.rule} gives ${key} ${String(flag.detail![key])}, the plan and the snapshot give ${value}`,
        ),
      ),
    );
}
