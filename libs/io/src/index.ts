/** Reading county snapshots and writing snapshots and plans in the formats of FORMATS.md. */
export { readSnapshot, type ReadSnapshotOptions } from './snapshot-reader';
export { UnreadableInputError } from './unreadable-input.error';
export { UnwritableOutputError, assertWritableFile, writeOutput } from './output-path';
export { writeSnapshot } from './snapshot-writer';
export { writePlan, planJson } from './plan-writer';
export { buildPlanWorkbook, type PlanWorkbookContext } from './plan-workbook';
export { maskNationalId, isNationalId, maskNationalIdsInText, maskNationalIdsDeep } from './national-id';
export {
  SCHOOL_COLUMNS,
  TEACHER_COLUMNS,
  CURRICULUM_COLUMNS,
  POLICY_COLUMNS,
  REQUIRED_COLUMNS,
} from './snapshot-columns';
export { applyPolicyOverrides, acceptsPolicyValue, type PolicyOverrideProblem } from './policy-parser';
