import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SnapshotValidationError, type Snapshot, type SnapshotIssue } from '@tr/domain';
import { readCsvFolder, type SourceResult } from './csv-source';
import { parseCurriculum } from './curriculum-parser';
import { EXPECT } from './expectations';
import { parsePolicy } from './policy-parser';
import { parseSchools } from './schools-parser';
import { SHEET_NAMES, type SheetName } from './sheet-table';
import { REQUIRED_SHEETS } from './snapshot-columns';
import { parseTeachers } from './teachers-parser';
import { UnreadableInputError } from './unreadable-input.error';
import { readXlsxWorkbook } from './xlsx-source';

export interface ReadSnapshotOptions {
  /** The plan year when the policy sheet has no `year` row. */
  defaultYear?: number;
}

/**
 * Reads a county snapshot from an `.xlsx` workbook or a folder of CSV files (FORMATS.md).
 * Checks every row and throws one SnapshotValidationError listing all issues; never writes.
 */
export async function readSnapshot(path: string, opts: ReadSnapshotOptions = {}): Promise<Snapshot> {
  const { source, name } = await openSource(path);
  const { tables } = source;
  const issues: SnapshotIssue[] = [...source.issues];
  for (const sheet of REQUIRED_SHEETS) {
    // A sheet the source could not decode has its own issue already.
    if (!tables[sheet] && !source.issues.some((issue) => issue.sheet === sheet)) {
      issues.push({ sheet, expected: EXPECT.missingSheet(sheet) });
    }
  }
  const parsedSchools = tables.schools ? parseSchools(tables.schools, issues) : undefined;
  const teachers = tables.teachers ? parseTeachers(tables.teachers, parsedSchools?.codes, issues) : [];
  const curriculum = tables.curriculum ? parseCurriculum(tables.curriculum, issues) : [];
  const { policy, county } = parsePolicy(tables.policy, opts.defaultYear, issues);
  if (issues.length > 0) throw new SnapshotValidationError(sortIssues(issues));
  return { schools: parsedSchools?.schools ?? [], teachers, curriculum, policy, county: county ?? name };
}

async function openSource(path: string): Promise<{ source: SourceResult; name: string }> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    throw new UnreadableInputError(`找不到输入 / input not found: ${path}`);
  }
  if (isFolder) return { source: await readCsvFolder(path), name: basename(path) };
  if (extname(path).toLowerCase() !== '.xlsx') {
    throw new UnreadableInputError(
      `输入须为 .xlsx 工作簿或 CSV 文件夹 / input must be an .xlsx workbook or a folder of CSV files: ${path}`,
    );
  }
  return { source: await readXlsxWorkbook(path), name: basename(path, extname(path)) };
}

/** Sheet order, then row order (whole-sheet issues first), so the report reads like the workbook. */
function sortIssues(issues: SnapshotIssue[]): SnapshotIssue[] {
  const sheetIndex = (issue: SnapshotIssue) => SHEET_NAMES.indexOf(issue.sheet as SheetName);
  return [...issues].sort((a, b) => sheetIndex(a) - sheetIndex(b) || (a.row ?? 0) - (b.row ?? 0));
}
