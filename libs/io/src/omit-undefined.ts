/** Drops keys whose value is `undefined`, so a blank optional column leaves no key behind (clean JSON, strict equality). */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
