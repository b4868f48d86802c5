/** Pure parsers from a cell's text to a value; `undefined` means the text is not acceptable. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `YYYY-MM-DD` naming a real calendar date (so 2023-02-30 is rejected). */
export function parseIsoDate(text: string): string | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? text : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A finite decimal number; `Number()` alone would accept '', '0x10' and 'Infinity'. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function parseNonNegativeInteger(text: string): number | undefined {
  const value = parseDecimal(text);
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function parseBoolean(text: string): boolean | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}

/** `;`-separated list; blank items dropped, repeats kept once (first position wins). */
export function parseList(text: string): string[] {
  const items = text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...new Set(items)];
}

/** A Date as `YYYY-MM-DD` in UTC, which is how spreadsheet libraries decode date serials. */
export function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
