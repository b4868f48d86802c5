/**
 * A sheet as both sources deliver it: every cell already normalised to a trimmed string, so the
 * CSV and XLSX forms share one parser and cannot drift apart.
 */
export const SHEET_NAMES = ['schools', 'teachers', 'curriculum', 'policy'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

export interface SheetRow {
  /** Spreadsheet row number: the header is row 1, the first data row is 2. */
  row: number;
  cells: string[];
}

export interface SheetTable {
  sheet: SheetName;
  header: string[];
  /** Data rows, blank rows already dropped. */
  rows: SheetRow[];
}

export type SheetTables = Partial<Record<SheetName, SheetTable>>;

/** Builds a table from raw rows (row 1 = header); drops rows whose cells are all blank. */
export function toSheetTable(sheet: SheetName, rows: SheetRow[]): SheetTable {
  const [first, ...rest] = rows;
  const header = first && first.row === 1 ? first.cells.map((cell) => cell.trim()) : [];
  const data = (first && first.row === 1 ? rest : rows)
    .map((row) => ({ row: row.row, cells: row.cells.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  return { sheet, header, rows: data };
}
