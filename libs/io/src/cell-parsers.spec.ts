import { parseBoolean, parseDecimal, parseIsoDate, parseList, parseNonNegativeInteger } from './cell-parsers';
import { cellText } from './cell-text';
import { isNationalId, maskNationalId } from './national-id';

describe('cell parsers', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2023-02-30')).toBeUndefined();
    expect(parseIsoDate('2023-13-01')).toBeUndefined();
    expect(parseIsoDate('2023/02/03')).toBeUndefined();
    expect(parseIsoDate('2023-2-3')).toBeUndefined();
    expect(parseIsoDate('0099-01-01')).toBe('0099-01-01');
  });

  it('parses decimals strictly', () => {
    expect(parseDecimal('0.25')).toBe(0.25);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1e2')).toBe(100);
    for (const bad of ['', ' ', '0x10', 'Infinity', '1,5', 'abc', '1.2.3'])
      expect(parseDecimal(bad)).toBeUndefined();
  });

  it('parses non-negative integers, booleans and lists', () => {
    expect(parseNonNegativeInteger('12')).toBe(12);
    expect(parseNonNegativeInteger('12.0')).toBe(12);
    expect(parseNonNegativeInteger('-1')).toBeUndefined();
    expect(parseNonNegativeInteger('1.5')).toBeUndefined();
    expect(parseBoolean('true')).toBe(true);
    expect(parseBoolean('false')).toBe(false);
    expect(parseBoolean('TRUE')).toBeUndefined();
    expect(parseBoolean('1')).toBeUndefined();
    expect(parseList(' art ; pe;;art ')).toEqual(['art', 'pe']);
    expect(parseList('')).toEqual([]);
  });

  it('turns every kind of XLSX cell into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(42)).toBe('42');
    expect(cellText(0.1)).toBe('0.1');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2020, 0, 31)))).toBe('2020-01-31');
    expect(cellText({ richText: [{ text: '张' }, { text: '伟' }] })).toBe('张伟');
    expect(cellText({ formula: 'A1+1', result: 7 })).toBe('7');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2021, 5, 1)) })).toBe('2021-06-01');
    expect(cellText({ text: 'S001', hyperlink: 'http://x' })).toBe('S001');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });

  it('masks ID numbers, keeping the first 6 and last 4 characters', () => {
    expect(isNationalId('41018519800512123X')).toBe(true);
    expect(isNationalId('41018519800512123x')).toBe(false);
    expect(isNationalId('4101851980051212')).toBe(false);
    expect(maskNationalId('41018519800512123X')).toBe('410185********123X');
    expect(maskNationalId('4101851980051')).toBe('410185***0051');
    expect(maskNationalId('12345')).toBe('*****');
  });
});
