import { ColumnEntries, LinearModelBuilder, restrictColumns, withRow } from './linear-model';

describe('LinearModelBuilder', () => {
  it('stores a column from reused entries sorted by row, summing entries on one row and dropping zeros', () => {
    const b = new LinearModelBuilder();
    const r0 = b.row('r0', 0, 1);
    const r1 = b.row('r1', -1, 1);
    const r2 = b.row('r2', 0, 0);
    const entries = new ColumnEntries();
    b.column(
      'a',
      1,
      0,
      2,
      true,
      entries.clear().add(r2, 3).add(r0, 1).add(r2, -1).add(r1, 0.5).add(r1, -0.5),
    );
    // The same buffer again: nothing of the first column is left in it.
    b.column('b', 2, 0, Infinity, false, entries.clear().add(r1, 4));
    b.column('c', 0, 0, 1, false, [
      [r2, 1],
      [r0, 2],
    ]);
    const model = b.build();
    expect(model.numCols).toBe(3);
    expect(Array.from(model.colStart)).toEqual([0, 2, 3, 5]);
    expect(Array.from(model.rowIndex)).toEqual([r0, r2, r1, r0, r2]);
    expect(Array.from(model.value)).toEqual([1, 2, 4, 2, 1]);
    expect(Array.from(model.integer)).toEqual([1, 0, 0]);
    expect(model.colNames).toEqual(['a', 'b', 'c']);
  });

  it('grows a buffer past its first capacity', () => {
    const b = new LinearModelBuilder();
    const rows = Array.from({ length: 40 }, (_, i) => b.row(`r${i}`));
    const entries = new ColumnEntries();
    for (const row of [...rows].reverse()) entries.add(row, row + 1);
    b.column('wide', 0, 0, 1, false, entries);
    const model = b.build();
    expect(Array.from(model.rowIndex)).toEqual(rows);
    expect(Array.from(model.value)).toEqual(rows.map((r) => r + 1));
  });
});

describe('restrictColumns', () => {
  it('keeps the chosen columns in the given order with their entries, bounds and names', () => {
    const b = new LinearModelBuilder();
    const r0 = b.row('r0');
    const r1 = b.row('r1');
    b.column('a', 1, 0, 1, true, [[r0, 1]]);
    b.column('b', 2, 0, 3, false, [
      [r0, 2],
      [r1, 3],
    ]);
    b.column('c', 3, 1, 4, true, [[r1, 5]]);
    const restricted = restrictColumns(b.build(), [2, 1]);
    expect(restricted.numCols).toBe(2);
    expect(restricted.numRows).toBe(2);
    expect(Array.from(restricted.colStart)).toEqual([0, 1, 3]);
    expect(Array.from(restricted.rowIndex)).toEqual([r1, r0, r1]);
    expect(Array.from(restricted.value)).toEqual([5, 2, 3]);
    expect(Array.from(restricted.colCost)).toEqual([3, 2]);
    expect(Array.from(restricted.colLower)).toEqual([1, 0]);
    expect(Array.from(restricted.colUpper)).toEqual([4, 3]);
    expect(Array.from(restricted.integer)).toEqual([1, 0]);
    expect(restricted.colNames).toEqual(['c', 'b']);
  });
});

describe(withRow.name, () => {
  it('adds a row over some columns as each column’s last entry, leaving the model it came from alone', () => {
    const b = new LinearModelBuilder();
    const r0 = b.row('r0', 0, 1);
    const r1 = b.row('r1', -1, 1);
    b.column('a', 1, 0, 1, false, [[r0, 1]]);
    b.column('b', 1, 0, 1, false, [
      [r0, 2],
      [r1, 3],
    ]);
    b.column('c', 1, 0, 1, false, [[r1, 4]]);
    const model = b.build();
    const wider = withRow(
      model,
      'cap',
      [
        [2, 5],
        [0, 6],
        [2, 1],
      ],
      -Infinity,
      7,
    );

    expect(wider.numRows).toBe(3);
    expect(wider.rowNames).toEqual(['r0', 'r1', 'cap']);
    expect(Array.from(wider.rowLower)).toEqual([0, -1, -Infinity]);
    expect(Array.from(wider.rowUpper)).toEqual([1, 1, 7]);
    expect(Array.from(wider.colStart)).toEqual([0, 2, 4, 6]);
    expect(Array.from(wider.rowIndex)).toEqual([r0, 2, r0, r1, r1, 2]);
    // Two entries on one column and the new row are summed.
    expect(Array.from(wider.value)).toEqual([1, 6, 2, 3, 4, 6]);
    expect(model.numRows).toBe(2);
    expect(Array.from(model.rowIndex)).toEqual([r0, r0, r1, r1]);
  });
});
