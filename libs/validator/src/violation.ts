import { bilingual, type Localized, type Subject } from '@tr/domain';
import type { RuleCode } from './rule-codes';

/** One broken rule, naming what it is about and saying so in Chinese and English, with the numbers. */
export interface Violation {
  rule: RuleCode;
  teacher_id?: string;
  school?: string;
  subject?: Subject;
  message: Localized;
}

export interface ValidationReport {
  /** Broken hard rules: the plan is not acceptable while any remain. */
  violations: Violation[];
  /** Broken relaxable rules that the plan flags explicitly. */
  relaxed: Violation[];
  /** `violations.length === 0`. */
  ok: boolean;
}

/** One line for a terminal: `[rule] teacher … school … subject …: 中文 / English`. */
export function formatViolation(violation: Violation): string {
  const where = [
    violation.teacher_id !== undefined ? `teacher ${violation.teacher_id}` : undefined,
    violation.school !== undefined ? `school ${violation.school}` : undefined,
    violation.subject !== undefined ? `subject ${violation.subject}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const prefix = where.length > 0 ? `[${violation.rule}] ${where.join(', ')}` : `[${violation.rule}]`;
  return `${prefix}: ${bilingual(violation.message)}`;
}
