import type { Localized, SnapshotIssue } from '@tr/domain';
import { parseBoolean, parseDecimal, parseIsoDate, parseList, parseNonNegativeInteger } from './cell-parsers';
import { EXPECT } from './expectations';
import type { SheetRow, SheetTable } from './sheet-table';

/**
 * Reads typed values from one row, recording an issue for each bad cell and carrying on, so the
 * user sees every problem at once. Each getter returns `undefined` when the value is unusable.
 */
export class RowReader {
  constructor(
    private readonly table: SheetTable,
    private readonly columns: ReadonlyMap<string, number>,
    readonly source: SheetRow,
    private readonly issues: SnapshotIssue[],
  ) {}

  get row(): number {
    return this.source.row;
  }

  /** The cell's text, '' when blank or when the column is absent. */
  text(column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : (this.source.cells[index] ?? '');
  }

  issue(column: string, value: string | undefined, expected: Localized): void {
    this.issues.push({
      sheet: this.table.sheet,
      row: this.row,
      column,
      ...(value === undefined ? {} : { value }),
      expected,
    });
  }

  /** A required text; blank is an issue unless the whole column is missing (already reported once). */
  required(column: string): string | undefined {
    const text = this.text(column);
    if (text !== '') return text;
    if (this.columns.has(column)) this.issue(column, undefined, EXPECT.required);
    return undefined;
  }

  optional(column: string): string | undefined {
    const text = this.text(column);
    return text === '' ? undefined : text;
  }

  /** A value from a fixed list; blank gives `fallback`, or an issue when there is none. */
  choice<T extends string>(column: string, values: readonly T[], fallback?: T): T | undefined {
    const text = fallback === undefined ? this.required(column) : this.optional(column);
    if (text === undefined) return fallback;
    if ((values as readonly string[]).includes(text)) return text as T;
    this.issue(column, text, EXPECT.oneOf(values));
    return undefined;
  }

  date(column: string, isRequired: boolean): string | undefined {
    const text = isRequired ? this.required(column) : this.optional(column);
    if (text === undefined) return undefined;
    const date = parseIsoDate(text);
    if (date === undefined) this.issue(column, text, EXPECT.date);
    return date;
  }

  /** A non-negative integer count; blank is 0. */
  count(column: string): number | undefined {
    const text = this.optional(column);
    if (text === undefined) return 0;
    const value = parseNonNegativeInteger(text);
    if (value === undefined) this.issue(column, text, EXPECT.count);
    return value;
  }

  /** A number passing `accept`; blank is `undefined` (or an issue when required). */
  number(
    column: string,
    isRequired: boolean,
    accept: (n: number) => boolean,
    expected: Localized,
  ): number | undefined {
    const text = isRequired ? this.required(column) : this.optional(column);
    if (text === undefined) return undefined;
    const value = parseDecimal(text);
    if (value !== undefined && accept(value)) return value;
    this.issue(column, text, expected);
    return undefined;
  }

  boolean(column: string, fallback: boolean): boolean | undefined {
    const text = this.optional(column);
    if (text === undefined) return fallback;
    const value = parseBoolean(text);
    if (value === undefined) this.issue(column, text, EXPECT.boolean);
    return value;
  }

  list(column: string): string[] {
    return parseList(this.text(column));
  }
}

/** Checks the header (missing required or repeated columns) and yields a reader per data row. */
export function readRows(
  table: SheetTable,
  required: readonly string[],
  issues: SnapshotIssue[],
): RowReader[] {
  const columns = new Map<string, number>();
  table.header.forEach((name, index) => {
    if (name === '') return;
    if (columns.has(name)) {
      issues.push({ sheet: table.sheet, row: 1, column: name, expected: EXPECT.duplicateColumn(name) });
      return;
    }
    columns.set(name, index);
  });
  for (const column of required) {
    if (!columns.has(column))
      issues.push({ sheet: table.sheet, column, expected: EXPECT.missingColumn(column) });
  }
  return table.rows.map((row) => new RowReader(table, columns, row, issues));
}

/** Remembers the first row of each key, to report a repeat together with where it first appeared. */
export class UniqueKeys {
  private readonly firstRow = new Map<string, number>();

  /** True when the key is new; otherwise records a duplicate issue on `reader`'s row. */
  claim(key: string, reader: RowReader, column: string, what: Localized, shown = key): boolean {
    const first = this.firstRow.get(key);
    if (first === undefined) {
      this.firstRow.set(key, reader.row);
      return true;
    }
    reader.issue(column, shown, EXPECT.duplicate(what, first));
    return false;
  }

  has(key: string): boolean {
    return this.firstRow.has(key);
  }
}
