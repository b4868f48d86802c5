/** Resident ID numbers are personal data: validate the shape, and only ever show them masked. */
const NATIONAL_ID = /^\d{17}[\dX]$/;

export function isNationalId(value: string): boolean {
  return NATIONAL_ID.test(value);
}

/** First 6 (region) and last 4 characters kept, the rest starred; short values are starred whole. */
export function maskNationalId(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}
