import ExcelJS from 'exceljs';
import type { Snapshot } from '@tr/domain';
import { writeFileAtomic, writeFolderAtomic } from './atomic-file';
import { csvDocument } from './csv-format';
import { CURRICULUM_COLUMNS, POLICY_COLUMNS, SCHOOL_COLUMNS, TEACHER_COLUMNS } from './snapshot-columns';
import { snapshotRows, type OutCell } from './snapshot-rows';
import { SHEET_NAMES, type SheetName } from './sheet-table';

const HEADERS: Record<SheetName, readonly string[]> = {
  schools: SCHOOL_COLUMNS,
  teachers: TEACHER_COLUMNS,
  curriculum: CURRICULUM_COLUMNS,
  policy: POLICY_COLUMNS,
};

/**
 * Writes a snapshot in the FORMATS.md form readSnapshot reads back unchanged: a folder of CSV files
 * or one workbook. Atomic: the target is replaced whole or not at all.
 */
export async function writeSnapshot(snapshot: Snapshot, path: string, format: 'csv' | 'xlsx'): Promise<void> {
  const rows = snapshotRows(snapshot);
  if (format === 'csv') {
    const files = Object.fromEntries(
      SHEET_NAMES.map((sheet) => [`${sheet}.csv`, csvDocument([HEADERS[sheet], ...rows[sheet].map(csvRow)])]),
    );
    await writeFolderAtomic(path, files);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep the output independent of when it was written.
  workbook.created = workbook.modified = new Date(Date.UTC(snapshot.policy.year || 2000, 8, 1));
  workbook.creator = 'teacher-rotation';
  for (const sheet of SHEET_NAMES) {
    const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.addRow([...HEADERS[sheet]]).font = { bold: true };
    for (const row of rows[sheet]) worksheet.addRow(row.map(xlsxCell));
    worksheet.columns.forEach((column, i) => {
      column.width = Math.max(10, HEADERS[sheet][i].length + 2);
    });
    // ID numbers and codes must stay text, or Excel turns them into rounded numbers.
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        else if (typeof cell.value === 'string') cell.numFmt = '@';
      }),
    );
  }
  await writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

function csvRow(row: OutCell[]): string[] {
  return row.map((cell) => (cell === undefined ? '' : typeof cell === 'object' ? cell.date : String(cell)));
}

function xlsxCell(cell: OutCell): string | number | Date | null {
  if (cell === undefined) return null;
  if (typeof cell === 'object') return new Date(`${cell.date}T00:00:00Z`);
  return cell;
}
