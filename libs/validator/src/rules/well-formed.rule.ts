import { localized, type CountyContext, type Plan, type Policy } from '@tr/domain';
import type { Violation } from '../violation';
import type { ResolvedMove } from './rule-input';

const KINDS: ReadonlySet<string> = new Set(['rotation', 'allocation']);

/**
 * Rule 1: each move is well-formed. Returns the violations and the moves the other rules can count
 * (see `RuleInput.moves`).
 */
export function checkWellFormed(
  context: CountyContext,
  policy: Policy,
  plan: Plan,
): { violations: Violation[]; moves: ResolvedMove[] } {
  const violations: Violation[] = [];
  const moves: ResolvedMove[] = [];
  const seen = new Set<string>();
  for (const move of plan.moves) {
    const teacher = context.teachersById.get(move.teacher_id);
    if (!teacher) {
      violations.push({
        rule: 'unknown_teacher',
        teacher_id: move.teacher_id,
        school: move.from_school,
        message: localized(
          `教师 ${move.teacher_id} 不在教师名册中`,
          `teacher ${move.teacher_id} is not in the snapshot`,
        ),
      });
      continue;
    }
    if (seen.has(teacher.id)) {
      violations.push({
        rule: 'duplicate_teacher',
        teacher_id: teacher.id,
        message: localized(
          `教师 ${teacher.id} 在方案中出现不止一次`,
          `teacher ${teacher.id} appears in more than one move`,
        ),
      });
      continue;
    }
    seen.add(teacher.id);

    if (move.from_school !== teacher.schoolCode) {
      violations.push({
        rule: 'wrong_from_school',
        teacher_id: teacher.id,
        school: move.from_school,
        message: localized(
          `教师 ${teacher.id} 的调出学校为 ${move.from_school}，但其现任学校为 ${teacher.schoolCode}`,
          `teacher ${teacher.id} moves from ${move.from_school} but is at ${teacher.schoolCode}`,
        ),
      });
    }
    const destination = context.schoolsByCode.get(move.to_school);
    if (!destination) {
      violations.push({
        rule: 'unknown_school',
        teacher_id: teacher.id,
        school: move.to_school,
        message: localized(
          `调入学校 ${move.to_school} 不存在`,
          `destination school ${move.to_school} does not exist`,
        ),
      });
    } else if (move.to_school === teacher.schoolCode) {
      violations.push({
        rule: 'same_school',
        teacher_id: teacher.id,
        school: move.to_school,
        message: localized(
          `教师 ${teacher.id} 调入其现任学校 ${move.to_school}`,
          `teacher ${teacher.id} "moves" to their own school ${move.to_school}`,
        ),
      });
    }
    if (move.subject !== teacher.subject && !teacher.extraSubjects.includes(move.subject)) {
      const qualified = [teacher.subject, ...teacher.extraSubjects].join(', ');
      violations.push({
        rule: 'subject_not_qualified',
        teacher_id: teacher.id,
        school: move.to_school,
        subject: move.subject,
        message: localized(
          `教师 ${teacher.id} 不能任教 ${move.subject}（可任教：${qualified}）`,
          `teacher ${teacher.id} is not qualified for ${move.subject} (qualified: ${qualified})`,
        ),
      });
    }
    if (!KINDS.has(move.kind)) {
      violations.push({
        rule: 'invalid_kind',
        teacher_id: teacher.id,
        message: localized(
          `教师 ${teacher.id} 的调动类型 "${String(move.kind)}" 无效，应为 rotation 或 allocation`,
          `teacher ${teacher.id}: move kind "${String(move.kind)}" is neither rotation nor allocation`,
        ),
      });
    } else if (move.kind === 'rotation' && move.term_years !== policy.rotation_term_years) {
      violations.push({
        rule: 'rotation_term',
        teacher_id: teacher.id,
        message: localized(
          `教师 ${teacher.id} 的交流期限为 ${String(move.term_years)} 年，政策规定 ${policy.rotation_term_years} 年`,
          `teacher ${teacher.id}: rotation term ${String(move.term_years)} years, the policy says ${policy.rotation_term_years}`,
        ),
      });
    } else if (move.kind === 'allocation' && move.term_years !== undefined) {
      // FORMATS.md: an allocation (组织调剂) is a move without a term.
      violations.push({
        rule: 'rotation_term',
        teacher_id: teacher.id,
        message: localized(
          `教师 ${teacher.id} 的组织调剂注明期限 ${String(move.term_years)} 年，组织调剂没有期限`,
          `teacher ${teacher.id}: an allocation with a term of ${String(move.term_years)} years; allocations have none`,
        ),
      });
    }
    if (destination && move.to_school !== teacher.schoolCode) moves.push({ move, teacher });
  }
  return { violations, moves };
}
