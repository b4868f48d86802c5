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
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return inner;
  });
}
