/**
 * A solver-neutral mixed-integer linear model, stored column-wise (CSC) because the rotation model is
 * built one decision variable at a time. Backends translate it to their own input.
 */
export interface LinearModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integer: Uint8Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC: column c's entries are rowIndex/value[colStart[c] .. colStart[c+1]). */
  colStart: Int32Array;
  rowIndex: Int32Array;
  value: Float64Array;
  /** A readable name per column and row, for the LP-text and javascript-lp-solver backends and debugging. */
  colNames: string[];
  rowNames: string[];
}

export class LinearModelBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly starts: number[] = [0];
  private readonly rows: number[] = [];
  private readonly values: number[] = [];
  private readonly colNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowByName = new Map<string, number>();

  get columnCount(): number {
    return this.cost.length;
  }

  /** Adds a row, or returns the existing one of that name (bounds are then left as they are). */
  row(name: string, lower = -Infinity, upper = Infinity): number {
    const existing = this.rowByName.get(name);
    if (existing !== undefined) return existing;
    const index = this.rowLower.length;
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowNames.push(name);
    this.rowByName.set(name, index);
    return index;
  }

  findRow(name: string): number | undefined {
    return this.rowByName.get(name);
  }

  setRowBounds(index: number, lower: number, upper: number): void {
    this.rowLower[index] = lower;
    this.rowUpper[index] = upper;
  }

  /** Adds a column with its coefficients; entries on the same row are summed. `entries` is sorted in place. */
  column(name: string, cost: number, lower: number, upper: number, integer: boolean, entries: [number, number][]): number {
    const index = this.cost.length;
    // A column has a handful of entries: an insertion sort by row, then neighbours on one row are summed.
    for (let i = 1; i < entries.length; i++) {
      const entry = entries[i];
      let j = i - 1;
      for (; j >= 0 && entries[j][0] > entry[0]; j--) entries[j + 1] = entries[j];
      entries[j + 1] = entry;
    }
    for (let k = 0; k < entries.length; ) {
      const row = entries[k][0];
      let value = 0;
      for (; k < entries.length && entries[k][0] === row; k++) value += entries[k][1];
      if (value === 0) continue;
      this.rows.push(row);
      this.values.push(value);
    }
    this.starts.push(this.rows.length);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.colNames.push(name);
    return index;
  }

  build(): LinearModel {
    return {
      numCols: this.cost.length,
      numRows: this.rowLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      colStart: Int32Array.from(this.starts),
      rowIndex: Int32Array.from(this.rows),
      value: Float64Array.from(this.values),
      colNames: this.colNames,
      rowNames: this.rowNames,
    };
  }
}

/** The model restricted to some columns (the others fixed at zero), keeping row indices. */
export function restrictColumns(model: LinearModel, keep: readonly number[]): LinearModel {
  const starts = [0];
  const rows: number[] = [];
  const values: number[] = [];
  for (const c of keep) {
    for (let k = model.colStart[c]; k < model.colStart[c + 1]; k++) {
      rows.push(model.rowIndex[k]);
      values.push(model.value[k]);
    }
    starts.push(rows.length);
  }
  const pick = <T extends Float64Array | Uint8Array>(array: T): T => {
    const out = new (array.constructor as new (n: number) => T)(keep.length);
    keep.forEach((c, i) => (out[i] = array[c]));
    return out;
  };
  return {
    ...model,
    numCols: keep.length,
    colCost: pick(model.colCost),
    colLower: pick(model.colLower),
    colUpper: pick(model.colUpper),
    integer: pick(model.integer),
    colStart: Int32Array.from(starts),
    rowIndex: Int32Array.from(rows),
    value: Float64Array.from(values),
    colNames: keep.map((c) => model.colNames[c]),
  };
}
