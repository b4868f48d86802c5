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

/** Anything that looks like a resident ID inside free text (a log line, an error message). */
const NATIONAL_ID_IN_TEXT = /(?<![0-9])[0-9]{17}[0-9X](?![0-9A-Za-z])/g;

/** Masks every ID-shaped substring of a text; logs and error messages go through this. */
export function maskNationalIdsInText(text: string): string {
  return text.replace(NATIONAL_ID_IN_TEXT, maskNationalId);
}

/** A copy of a log object with every ID-shaped substring of every string masked. */
export function maskNationalIdsDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskNationalIdsInText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskNationalIdsDeep(v, depth + 1));
  if (value instanceof Error) {
    return {
      type: value.name,
      message: maskNationalIdsInText(value.message),
      stack: value.stack && maskNationalIdsInText(value.stack),
    };
  }
  // Only plain data is copied; framework objects (a request, a response) are left to their serializers.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskNationalIdsDeep(v, depth + 1)]));
}
