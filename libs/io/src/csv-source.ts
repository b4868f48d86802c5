import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { localized, type Localized, type SnapshotIssue } from '@tr/domain';
import { SHEET_NAMES, toSheetTable, type SheetTables } from './sheet-table';

export interface SourceResult {
  tables: SheetTables;
  /** Problems found while reading the container itself (encoding, cells Excel corrupted). */
  issues: SnapshotIssue[];
}

/** Reads `<sheet>.csv` for each known sheet in a folder; an absent file is an absent sheet. */
export async function readCsvFolder(folder: string): Promise<SourceResult> {
  const files = new Set(await readdir(folder));
  const tables: SheetTables = {};
  const issues: SnapshotIssue[] = [];
  for (const sheet of SHEET_NAMES) {
    const file = `${sheet}.csv`;
    if (!files.has(file)) continue;
    const bytes = await readFile(join(folder, file));
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      // Excel's plain "CSV" export on Chinese Windows is GBK; say how to fix it instead of showing mojibake.
      issues.push({
        sheet,
        expected: localized(
          `${file} 须为 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”）`,
          `${file} must be UTF-8 encoded (in Excel, save as "CSV UTF-8")`,
        ),
      });
      continue;
    }
    let records: string[][];
    try {
      records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      issues.push({ sheet, ...csvSyntaxIssue(error) });
      continue;
    }
    // One record is one spreadsheet row (blank lines included), so row numbers match the XLSX form.
    tables[sheet] = toSheetTable(
      sheet,
      records.map((cells, index) => ({ row: index + 1, cells })),
    );
  }
  return { tables, issues };
}

/** What a CSV file should have had where csv-parse stopped, by its error code. */
const CSV_SYNTAX_EXPECTED: Record<string, Localized> = {
  CSV_QUOTE_NOT_CLOSED: localized(
    '与开头引号配对的结束引号：这一行开始的引号直到文件末尾都没有结束',
    'a closing quote: the quote opened in this row is still open at the end of the file',
  ),
  CSV_INVALID_CLOSING_QUOTE: localized(
    '结束引号后紧跟逗号或换行',
    'a comma or a line break right after a closing quote',
  ),
  INVALID_OPENING_QUOTE: localized(
    '引号只出现在字段开头（整个字段放在引号内，其中的引号写成两个 ""）',
    'a quote only at the start of a field (quote the whole field and write a quote inside it as "")',
  ),
};

/** The row a CSV syntax error is on (the record being read: blank lines count, as in a spreadsheet), and what was expected there. */
function csvSyntaxIssue(error: unknown): Pick<SnapshotIssue, 'row' | 'expected'> {
  const { code, records, message } = error as { code?: string; records?: number; message?: string };
  const row = typeof records === 'number' ? records + 1 : undefined;
  const expected =
    (code !== undefined && Object.hasOwn(CSV_SYNTAX_EXPECTED, code)
      ? CSV_SYNTAX_EXPECTED[code]
      : undefined) ??
    localized(`格式正确的 CSV 文件（${code ?? message}）`, `a well-formed CSV file (${message})`);
  return row === undefined ? { expected } : { row, expected };
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
