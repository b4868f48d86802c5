import { bilingual, type Localized } from './localized';

/** One problem found in an input snapshot, located by sheet, row (1-based, header is row 1) and column. */
export interface SnapshotIssue {
  sheet: string;
  /** Spreadsheet row number; the header is row 1, so the first data row is 2. Absent for whole-sheet issues. */
  row?: number;
  column?: string;
  value?: string;
  expected: Localized;
}

export function formatSnapshotIssue(issue: SnapshotIssue): string {
  const where = [
    `sheet ${issue.sheet}`,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.column !== undefined ? `column ${issue.column}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const value = issue.value !== undefined ? ` value "${issue.value}":` : '';
  return `${where}:${value} ${bilingual(issue.expected)}`;
}

/** Thrown when a snapshot has any invalid row; carries every issue found, not just the first. */
export class SnapshotValidationError extends Error {
  constructor(readonly issues: SnapshotIssue[]) {
    super(
      `输入数据有 ${issues.length} 处错误 / the snapshot has ${issues.length} error(s):\n` +
        issues.map((issue) => `  - ${formatSnapshotIssue(issue)}`).join('\n'),
    );
    this.name = 'SnapshotValidationError';
  }
}
