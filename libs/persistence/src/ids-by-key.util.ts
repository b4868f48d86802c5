import type { EntityManager } from 'typeorm';

/** `key` → id of one county's schools (by code) or teachers (by staff number). */
export async function idsByKey(
  manager: EntityManager,
  table: 'schools' | 'teachers',
  key: 'code' | 'staff_no',
  countyId: string,
): Promise<Map<string, string>> {
  const rows = (await manager.query(`SELECT id, ${key} AS key FROM ${table} WHERE county_id = $1`, [
    countyId,
  ])) as { id: string; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}
