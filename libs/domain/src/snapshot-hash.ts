import { createHash } from 'node:crypto';
import type { Snapshot } from './model';

/**
 * SHA-256 of the parsed snapshot in a canonical form, so an xlsx workbook and a CSV folder with the
 * same data hash alike. Object keys are sorted; row order is kept (it is part of the data).
 */
export function snapshotHash(snapshot: Snapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  // A key list as the replacer makes JSON.stringify write every object's keys in the list's order, in
  // native code: with every key sorted, each object comes out with its own keys sorted (and twice as
  // fast on a large county as sorting each object in a replacer function).
  const keys = new Set<string>();
  collectKeys(value, keys);
  return JSON.stringify(
    value,
    [...keys].sort((a, b) => (a < b ? -1 : 1)),
  );
}

function collectKeys(value: unknown, keys: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object') collectKeys(item, keys);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Object.keys lists what Object.entries does, without a pair per key.
    for (const key of Object.keys(record)) {
      keys.add(key);
      const inner = record[key];
      if (inner && typeof inner === 'object') collectKeys(inner, keys);
    }
  }
}
