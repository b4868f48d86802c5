import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { assertWritableFile, readSnapshot, writeOutput, writePlan } from '@tr/io';
import { optimizePlan, type OptimizeResult, type SolverName } from '@tr/optimizer';
import { validatePlan } from '@tr/validator';
import { dataWarnings, type Snapshot } from '@tr/domain';
import { dataWarningLines } from './data-warning-lines';
import { planSummary, unmeasuredMoves } from './plan-summary';
import { ProgressDisplay } from './progress-display';
import { UsageError } from './usage-error';
import { parseYearOption } from './year-option';

export const PLAN_USAGE = `用法 usage: npm run plan -- --input <workbook.xlsx | folder> --out <plan.json> [--format json|xlsx] [--solver highs|jlp] [--year YYYY]`;

export async function planCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      solver: { type: 'string', default: 'highs' },
      year: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.input || !values.out) throw new UsageError(PLAN_USAGE);
  const format = values.format ?? (values.out.endsWith('.xlsx') ? 'xlsx' : 'json');
  if (format !== 'json' && format !== 'xlsx')
    throw new UsageError(`--format 只能是 json 或 xlsx / --format must be json or xlsx`);
  if (values.solver !== 'highs' && values.solver !== 'jlp')
    throw new UsageError(`--solver 只能是 highs 或 jlp / --solver must be highs or jlp`);
  const year = parseYearOption(values.year);
  // A wrong --out fails now, not after the solve.
  await assertWritableFile(values.out);

  const display = new ProgressDisplay();
  const started = performance.now();
  const progress = values.quiet ? undefined : display.update.bind(display);
  // Whatever goes wrong, the progress line is ended first, so that a message starts a line of its own.
  const { plan, stats, snapshot } = await planAndWrite(
    { input: values.input, out: values.out, format, solver: values.solver, year },
    progress,
  ).finally(() => display.finish());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    planSummary(plan, [
      ...[unmeasuredMoves(snapshot, plan)].filter((line) => line !== undefined),
      ...dataWarningLines(dataWarnings(snapshot)),
      `求解 solver: ${plan.plan.solver.name} ${plan.plan.solver.version}, 目标值 objective ${stats.objective.toFixed(2)}, LP 下界 bound ${stats.lpBound.toFixed(2)}, 差距 gap ${(stats.gap * 100).toFixed(3)}%${integerBoundText(stats)}, ${seconds} s`,
      `已写出 written: ${values.out}`,
    ]) + '\n',
  );
  return 0;
}

/** Where a MIP over the whole model proved a bound of its own: it says how far the plan can really be from the best. */
function integerBoundText(stats: OptimizeResult['stats']): string {
  if (stats.integerBound === undefined || stats.integerGap === undefined) return '';
  return `; 整数下界 integer bound ${stats.integerBound.toFixed(2)}, 差距 gap ${(stats.integerGap * 100).toFixed(3)}%`;
}

interface PlanRequest {
  input: string;
  out: string;
  format: 'json' | 'xlsx';
  solver: SolverName;
  year: number | undefined;
}

/** Reads the snapshot, plans it, checks the plan and writes it: nothing is written unless all of that worked. */
async function planAndWrite(
  request: PlanRequest,
  progress: ((stage: string, percent: number, detail?: string) => void) | undefined,
): Promise<OptimizeResult & { snapshot: Snapshot }> {
  progress?.('reading', 0);
  const snapshot = await readSnapshot(request.input, { defaultYear: request.year });
  const result = await optimizePlan(snapshot, {
    solver: request.solver,
    // Regions of a large county solve side by side, one worker thread per core.
    threads: availableParallelism(),
    // The plan is done only once it is checked and written: the optimizer's own "done" waits till then.
    onProgress:
      progress && ((stage, percent, detail) => stage !== 'done' && progress(stage, percent, detail)),
  });
  // Never hand out a plan that breaks a rule: the independent checker runs on every plan made here.
  const report = validatePlan(snapshot, result.plan, { checkMetrics: true });
  if (!report.ok)
    throw new Error(
      `方案未通过校验 / the plan failed validation:\n${report.violations.map((v) => `  - ${v.rule}: ${v.message.zh} / ${v.message.en}`).join('\n')}`,
    );
  progress?.('writing', 98);
  await writeOutput(request.out, () => writePlan(result.plan, request.out, request.format));
  progress?.('done', 100);
  return { ...result, snapshot };
}
