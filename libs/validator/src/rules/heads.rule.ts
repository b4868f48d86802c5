import { isHead, localized, type Role } from '@tr/domain';
import type { Violation } from '../violation';
import type { RuleInput } from './rule-input';

type HeadRole = Exclude<Role, 'teacher'>;
const HEAD_ROLES: readonly HeadRole[] = ['principal', 'vice_principal'];
const ROLE_ZH: Record<HeadRole, string> = { principal: '校长', vice_principal: '副校长' };

/**
 * Rule 9: principals and vice principals. A head due to rotate (eligible, `head_max_terms` full terms)
 * moves; a moving head's move states no role but their own; at every school, heads of each role arrive
 * as many as leave.
 */
export function checkHeads({ context, plan, moves }: RuleInput): Violation[] {
  const violations: Violation[] = [];
  // Any move names the teacher as moving; a malformed one is reported by rule 1, not here again.
  const named = new Set(plan.moves.map((move) => move.teacher_id));
  for (const teacher of context.snapshot.teachers) {
    if (!context.eligibility.get(teacher.id)?.headDueToRotate || named.has(teacher.id)) continue;
    const role = teacher.role as HeadRole;
    violations.push({
      rule: 'head_rotation',
      teacher_id: teacher.id,
      school: teacher.schoolCode,
      message: localized(
        `${ROLE_ZH[role]} ${teacher.id} 在 ${teacher.schoolCode} 已任满 ${teacher.termsAsHead} 届，应当交流`,
        `${role} ${teacher.id} has served ${teacher.termsAsHead} full terms at ${teacher.schoolCode} and must rotate`,
      ),
    });
  }

  const arriving = new Map<string, number>();
  const leaving = new Map<string, number>();
  const key = (school: string, role: HeadRole): string => `${school}\u0000${role}`;
  for (const { move, teacher } of moves) {
    if (!isHead(teacher)) {
      if (move.role !== undefined) {
        violations.push({
          rule: 'head_role',
          teacher_id: teacher.id,
          school: move.to_school,
          message: localized(
            `教师 ${teacher.id} 不是校级领导，调动却注明职务 ${move.role}`,
            `teacher ${teacher.id} is not a head but the move gives role ${move.role}`,
          ),
        });
      }
      continue;
    }
    const role = teacher.role as HeadRole;
    // The role comes from the snapshot; a move that states one must state the teacher's own.
    if (move.role !== undefined && move.role !== role) {
      violations.push({
        rule: 'head_role',
        teacher_id: teacher.id,
        school: move.to_school,
        message: localized(
          `${ROLE_ZH[role]} ${teacher.id} 的调动应注明职务 ${role}，实为 ${String(move.role ?? '（空）')}`,
          `${role} ${teacher.id} must move with role ${role}, the move says ${String(move.role ?? '(none)')}`,
        ),
      });
    }
    arriving.set(key(move.to_school, role), (arriving.get(key(move.to_school, role)) ?? 0) + 1);
    leaving.set(key(teacher.schoolCode, role), (leaving.get(key(teacher.schoolCode, role)) ?? 0) + 1);
  }

  const schools = new Set<string>();
  for (const { move, teacher } of moves) {
    if (!isHead(teacher)) continue;
    schools.add(move.to_school);
    schools.add(teacher.schoolCode);
  }
  for (const school of [...schools].sort()) {
    for (const role of HEAD_ROLES) {
      const inCount = arriving.get(key(school, role)) ?? 0;
      const outCount = leaving.get(key(school, role)) ?? 0;
      if (inCount === outCount) continue;
      violations.push({
        rule: 'head_exchange',
        school,
        message: localized(
          `学校 ${school} 调入${ROLE_ZH[role]} ${inCount} 人、调出 ${outCount} 人，应当相等`,
          `school ${school}: ${inCount} ${role}(s) arrive and ${outCount} leave; they must match`,
        ),
      });
    }
  }
  return violations;
}
