import type { Plan } from '@tr/domain';
import { writeFileAtomic } from './atomic-file';
import { buildPlanWorkbook, type PlanWorkbookContext } from './plan-workbook';

/** `plan.json` exactly as FORMATS.md shows it: no fields added, so the same plan gives the same bytes. */
export function planJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

/**
 * Writes a plan as `plan.json` or as a workbook for HR officers. Atomic: a failure leaves any
 * previous file untouched. `context.snapshot`, when given, adds school and teacher names to the workbook.
 */
export async function writePlan(
  plan: Plan,
  path: string,
  format: 'json' | 'xlsx',
  context: PlanWorkbookContext = {},
): Promise<void> {
  if (format === 'json') {
    await writeFileAtomic(path, planJson(plan));
    return;
  }
  const buffer = await buildPlanWorkbook(plan, context).xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(buffer));
}
