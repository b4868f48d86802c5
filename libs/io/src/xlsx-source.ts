import ExcelJS from 'exceljs';
import { localized, type SnapshotIssue } from '@tr/domain';
import { cellText, isLossyNumber } from './cell-text';
import type { SourceResult } from './csv-source';
import { maskNationalId } from './national-id';
import { UnreadableInputError } from './unreadable-input.error';
import { SHEET_NAMES, toSheetTable, type SheetRow, type SheetTables } from './sheet-table';

/** Reads the known sheets of a workbook, each cell normalised to text; an absent sheet is left out. */
export async function readXlsxWorkbook(file: string): Promise<SourceResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new UnreadableInputError(
      `无法读取工作簿 / cannot read workbook ${file}: ${(error as Error).message}`,
    );
  }
  const tables: SheetTables = {};
  const issues: SnapshotIssue[] = [];
  for (const sheet of SHEET_NAMES) {
    const worksheet = workbook.getWorksheet(sheet);
    if (!worksheet) continue;
    const header = worksheet.getRow(1);
    const width = Math.max(header.cellCount, worksheet.columnCount);
    const headerNames = Array.from({ length: width }, (_, i) => cellText(header.getCell(i + 1).value).trim());
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = Array.from({ length: width }, (_, i) => {
        const value = row.getCell(i + 1).value;
        if (rowNumber > 1 && isLossyNumber(value)) {
          issues.push({
            sheet,
            row: rowNumber,
            column: headerNames[i] || undefined,
            // Such a number is usually an ID number; mask it like one.
            value: maskNationalId(cellText(value)),
            expected: localized(
              '以文本格式保存的值（数字超过 15 位，Excel 已丢失末尾数字）',
              'a text cell (the number has more than 15 digits; Excel has lost its last digits)',
            ),
          });
        }
        return cellText(value);
      });
      rows.push({ row: rowNumber, cells });
    });
    tables[sheet] = toSheetTable(sheet, rows);
  }
  return { tables, issues };
}
