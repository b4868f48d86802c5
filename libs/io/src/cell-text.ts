import type { CellValue } from 'exceljs';
import { formatUtcDate } from './cell-parsers';

/**
 * The text of an XLSX cell, so it can go through the same parser as a CSV field. Numbers use
 * JavaScript's shortest round-trip form; dates become `YYYY-MM-DD` (UTC); rich text is joined;
 * formulas give their cached result.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatUtcDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
    if ('error' in value) return String(value.error);
    if ('text' in value)
      return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  }
  return String(value);
}

/** Integers Excel cannot hold exactly (e.g. an ID number typed as a number): the digits are already lost. */
export function isLossyNumber(value: CellValue): boolean {
  const number =
    typeof value === 'number'
      ? value
      : value && typeof value === 'object' && 'result' in value && typeof value.result === 'number'
        ? value.result
        : undefined;
  return number !== undefined && Math.abs(number) > Number.MAX_SAFE_INTEGER;
}
