import { localized, schoolSendCap, staffingCap, SUBJECT_NAMES_ZH, SUBJECTS } from '@tr/domain';
import type { Violation } from '../violation';
import { num, type RuleInput } from './rule-input';

/** Rule 5: no school sends more than `max_rotation_rate` of its eligible teachers on rotation, rounded up. */
export function checkSchoolSendCap({ context, policy, staffAfter }: RuleInput): Violation[] {
  const violations: Violation[] = [];
  for (const [school, { sentOnRotation: count }] of staffAfter) {
    const eligible = context.eligibleBySchool.get(school) ?? 0;
    const cap = schoolSendCap(eligible, policy.max_rotation_rate);
    if (count <= cap) continue;
    violations.push({
      rule: 'school_send_cap',
      school,
      message: localized(
        `学校 ${school} 调出 ${count} 人，超过上限 ${cap} 人（符合条件 ${eligible} 人 × ${num(policy.max_rotation_rate)}）`,
        `school ${school} sends ${count} teachers, above its cap of ${cap} (${eligible} eligible × ${num(policy.max_rotation_rate)})`,
      ),
    });
  }
  return violations;
}

/**
 * Rules 6 and 7, school × subject: a needed subject keeps at least one of its own teachers (one who
 * arrives to teach it does not undo the loss), and no subject ends above its staffing cap (its present
 * staff or its need rounded up, whichever is larger).
 */
export function checkSchoolStaffing({ context, staffAfter, moves }: RuleInput): Violation[] {
  const leaving = new Map<string, number>();
  for (const { teacher } of moves) {
    const key = `${teacher.schoolCode}:${teacher.subject}`;
    leaving.set(key, (leaving.get(key) ?? 0) + 1);
  }
  const violations: Violation[] = [];
  for (const school of context.snapshot.schools) {
    const need = context.needBySchool.get(school.code) ?? {};
    const before = context.supplyBySchool.get(school.code) ?? {};
    const after = staffAfter.get(school.code)?.supply ?? {};
    for (const subject of SUBJECTS) {
      const needed = need[subject] ?? 0;
      const present = before[subject] ?? 0;
      const remaining = after[subject] ?? 0;
      const zh = SUBJECT_NAMES_ZH[subject];
      if (needed > 0 && present >= 1 && (leaving.get(`${school.code}:${subject}`) ?? 0) >= present) {
        violations.push({
          rule: 'last_subject_teacher',
          school: school.code,
          subject,
          message: localized(
            `学校 ${school.code} 需要${zh}教师 ${num(needed)} 人，现有 ${present} 人全部调出`,
            `school ${school.code} needs ${num(needed)} FTE of ${subject} and loses all ${present} of its teachers`,
          ),
        });
      }
      const cap = staffingCap(needed, present);
      if (remaining > cap) {
        violations.push({
          rule: 'overstaffing',
          school: school.code,
          subject,
          message: localized(
            `学校 ${school.code} ${zh}调整后 ${remaining} 人，超过上限 ${cap} 人（需求 ${num(needed)}，现有 ${present} 人）`,
            `school ${school.code} would have ${remaining} ${subject} teachers, above its cap of ${cap} (need ${num(needed)}, present ${present})`,
          ),
        });
      }
    }
  }
  return violations;
}
