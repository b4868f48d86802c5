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

/** A value within this of a whole number counts as whole. */
export const INTEGRALITY_TOLERANCE = 1e-6;

export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= INTEGRALITY_TOLERANCE;
}

/** Every integer column of the model has a whole value. */
export function isIntegral(model: LinearModel, values: Float64Array): boolean {
  for (let c = 0; c < model.numCols; c++) if (model.integer[c] && !isWhole(values[c])) return false;
  return true;
}

/** A typed array that doubles its capacity as values are pushed: no boxed numbers, no copy at the end but one. */
class Growable<T extends Float64Array | Int32Array | Uint8Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (capacity: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * One column's entries in reused typed arrays: a builder's hot loop fills one of these per column instead
 * of allocating an array of pairs (a large county has a hundred thousand columns).
 */
export class ColumnEntries {
  rows = new Int32Array(16);
  values = new Float64Array(16);
  length = 0;

  clear(): this {
    this.length = 0;
    return this;
  }

  add(row: number, value: number): this {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(2 * this.length);
      const values = new Float64Array(2 * this.length);
      rows.set(this.rows);
      values.set(this.values);
      this.rows = rows;
      this.values = values;
    }
    this.rows[this.length] = row;
    this.values[this.length++] = value;
    return this;
  }

  set(pairs: readonly (readonly [number, number])[]): this {
    this.clear();
    for (const [row, value] of pairs) this.add(row, value);
    return this;
  }

  /** A column has a handful of entries: an insertion sort by row (stable, so sums keep their order). */
  sortByRow(): this {
    const { rows, values } = this;
    for (let i = 1; i < this.length; i++) {
      const row = rows[i];
      const value = values[i];
      let j = i - 1;
      for (; j >= 0 && rows[j] > row; j--) {
        rows[j + 1] = rows[j];
        values[j + 1] = values[j];
      }
      rows[j + 1] = row;
      values[j + 1] = value;
    }
    return this;
  }
}

export class LinearModelBuilder {
  private readonly cost = new Growable((n) => new Float64Array(n));
  private readonly lower = new Growable((n) => new Float64Array(n));
  private readonly upper = new Growable((n) => new Float64Array(n));
  private readonly integer = new Growable((n) => new Uint8Array(n));
  private readonly starts = new Growable((n) => new Int32Array(n));
  private readonly rows = new Growable((n) => new Int32Array(n));
  private readonly values = new Growable((n) => new Float64Array(n));
  private readonly colNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowByName = new Map<string, number>();
  private readonly scratch = new ColumnEntries();

  constructor() {
    this.starts.push(0);
  }

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

  /** Adds a column with its coefficients; entries on the same row are summed (`ColumnEntries` are sorted in place). */
  column(
    name: string,
    cost: number,
    lower: number,
    upper: number,
    integer: boolean,
    entries: ColumnEntries | [number, number][],
  ): number {
    const index = this.cost.length;
    const list = Array.isArray(entries) ? this.scratch.set(entries) : entries;
    const { rows, values, length } = list.sortByRow();
    for (let k = 0; k < length;) {
      const row = rows[k];
      let value = 0;
      for (; k < length && rows[k] === row; k++) value += values[k];
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
      colCost: this.cost.toArray(),
      colLower: this.lower.toArray(),
      colUpper: this.upper.toArray(),
      integer: this.integer.toArray(),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      colStart: this.starts.toArray(),
      rowIndex: this.rows.toArray(),
      value: this.values.toArray(),
      colNames: this.colNames,
      rowNames: this.rowNames,
    };
  }
}

/** The model restricted to some columns (the others fixed at zero), keeping row indices. */
export function restrictColumns(model: LinearModel, keep: readonly number[]): LinearModel {
  const starts = new Int32Array(keep.length + 1);
  keep.forEach((c, i) => (starts[i + 1] = starts[i] + model.colStart[c + 1] - model.colStart[c]));
  const rowIndex = new Int32Array(starts[keep.length]);
  const value = new Float64Array(starts[keep.length]);
  keep.forEach((c, i) => {
    const from = model.colStart[c];
    const to = model.colStart[c + 1];
    rowIndex.set(model.rowIndex.subarray(from, to), starts[i]);
    value.set(model.value.subarray(from, to), starts[i]);
  });
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
    colStart: starts,
    rowIndex,
    value,
    colNames: keep.map((c) => model.colNames[c]),
  };
}

/**
 * The model with one more row, lower ≤ Σ coefficient × column ≤ upper, over a few columns. Each of those
 * columns' entries gain one at the end (the new row's index is the largest), so the CSC stays sorted.
 */
export function withRow(
  model: LinearModel,
  name: string,
  entries: readonly (readonly [column: number, coefficient: number])[],
  lower: number,
  upper: number,
): LinearModel {
  const added = new Float64Array(model.numCols);
  const on = new Uint8Array(model.numCols);
  for (const [c, v] of entries) {
    added[c] += v;
    on[c] = 1;
  }
  const row = model.numRows;
  const colStart = new Int32Array(model.numCols + 1);
  const total = model.rowIndex.length + on.reduce((n, x) => n + x, 0);
  const rowIndex = new Int32Array(total);
  const value = new Float64Array(total);
  let at = 0;
  for (let c = 0; c < model.numCols; c++) {
    const from = model.colStart[c];
    const to = model.colStart[c + 1];
    rowIndex.set(model.rowIndex.subarray(from, to), at);
    value.set(model.value.subarray(from, to), at);
    at += to - from;
    if (on[c]) {
      rowIndex[at] = row;
      value[at++] = added[c];
    }
    colStart[c + 1] = at;
  }
  return {
    ...model,
    numRows: row + 1,
    rowLower: appended(model.rowLower, lower),
    rowUpper: appended(model.rowUpper, upper),
    colStart,
    rowIndex: rowIndex.subarray(0, at),
    value: value.subarray(0, at),
    rowNames: [...model.rowNames, name],
  };
}

function appended(array: Float64Array, last: number): Float64Array {
  const longer = new Float64Array(array.length + 1);
  longer.set(array);
  longer[array.length] = last;
  return longer;
}
