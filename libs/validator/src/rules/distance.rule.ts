import { distanceKm, localized } from '@tr/domain';
import type { Violation } from '../violation';
import { num, type RuleInput } from './rule-input';

/** Rule 8: no move longer than `max_distance_km`, exactly (schools without coordinates are not measured). */
export function checkDistance({ context, policy, moves }: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const { move, teacher } of moves) {
    const from = context.schoolsByCode.get(teacher.schoolCode);
    const to = context.schoolsByCode.get(move.to_school);
    if (!from || !to) continue;
    const km = distanceKm(from, to);
    if (km === undefined || km <= policy.max_distance_km) continue;
    violations.push({
      rule: 'max_distance_km',
      teacher_id: teacher.id,
      school: move.to_school,
      message: localized(
        `教师 ${teacher.id} 从 ${from.code} 调往 ${to.code} 相距 ${num(km)} 公里，超过上限 ${num(policy.max_distance_km)} 公里`,
        `teacher ${teacher.id} moves ${num(km)} km from ${from.code} to ${to.code}, beyond the limit of ${num(policy.max_distance_km)} km`,
      ),
    });
  }
  return violations;
}
