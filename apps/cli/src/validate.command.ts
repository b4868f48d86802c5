import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Plan } from '@tr/domain';
import { readSnapshot } from '@tr/io';
import { formatViolation, validatePlan } from '@tr/validator';
import { UsageError } from './usage-error';
import { parseYearOption } from './year-option';

export const VALIDATE_USAGE = `用法 usage: npm run validate -- --input <workbook.xlsx | folder> --plan <plan.json> [--year YYYY]`;

/** Recomputes every hard rule from the snapshot alone; exit 1 when the plan breaks any. */
export async function validateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { input: { type: 'string' }, plan: { type: 'string' }, year: { type: 'string' } },
    strict: true,
  });
  if (!values.input || !values.plan) throw new UsageError(VALIDATE_USAGE);
  let plan: Plan;
  try {
    plan = JSON.parse(await readFile(values.plan, 'utf8')) as Plan;
  } catch (error) {
    throw new UsageError(
      `无法读取方案 ${values.plan} / cannot read plan ${values.plan}: ${(error as Error).message}`,
    );
  }
  // A snapshot without a year is checked for the year given, or else the one the plan was made for
  // (`plan --year`); a snapshot with one is checked for its own, and a plan for another year fails.
  const planYear = (plan as Partial<Plan> | undefined)?.plan?.year;
  const snapshot = await readSnapshot(values.input, {
    defaultYear: parseYearOption(values.year) ?? (Number.isInteger(planYear) ? planYear : undefined),
  });
  const report = validatePlan(snapshot, plan, { checkMetrics: true });
  for (const v of report.relaxed)
    process.stdout.write(`已声明放宽 relaxed (flagged): ${formatViolation(v)}\n`);
  for (const v of report.violations) process.stdout.write(`违规 violation: ${formatViolation(v)}\n`);
  process.stdout.write(
    report.ok
      ? `方案通过校验 / the plan passes: ${plan.moves.length} moves, ${report.relaxed.length} flagged relaxation(s)\n`
      : `方案有 ${report.violations.length} 处违规 / the plan has ${report.violations.length} violation(s)\n`,
  );
  return report.ok ? 0 : 1;
}
