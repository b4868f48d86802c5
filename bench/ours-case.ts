/**
 * Child process: our optimizer (HiGHS, default options) on one sample county.
 * Usage: node --import tsx bench/ours-case.ts --county <key> --seed <n>
 */
import { availableParallelism } from 'node:os';
import { buildCountyContext } from '@tr/domain';
import { optimizePlan } from '@tr/optimizer';
import { validatePlan } from '@tr/validator';
import { generateBenchCounty, isCountyKey } from './counties';
import { childArgs, countByRule, emit, peakRssMiB, runChild, sinceStart } from './protocol';

async function main(): Promise<void> {
  const args = childArgs(process.argv.slice(2));
  const county = args.get('county') ?? '';
  const seed = Number(args.get('seed') ?? '1');
  if (!isCountyKey(county)) throw new Error(`unknown county "${county}"`);

  let started = performance.now();
  const snapshot = generateBenchCounty(county, seed);
  const generateSeconds = (performance.now() - started) / 1000;
  const rssAfterGenerateMiB = peakRssMiB();
  emit({
    event: 'phase',
    phase: 'generated',
    at: sinceStart(),
    seconds: generateSeconds,
    detail: { teachers: snapshot.teachers.length },
  });

  started = performance.now();
  const { plan, stats } = await optimizePlan(snapshot, {
    // As the plan command does: regions side by side, one worker thread per core.
    threads: availableParallelism(),
    onProgress: (stage, percent, detail) =>
      emit({
        event: 'phase',
        phase: `optimize:${stage}`,
        at: sinceStart(),
        detail: { percent, ...(detail ? { detail } : {}) },
      }),
  });
  const optimizeSeconds = (performance.now() - started) / 1000;
  const peak = peakRssMiB();
  emit({ event: 'phase', phase: 'optimized', at: sinceStart(), seconds: optimizeSeconds });

  // Outside the timed part: size of the county and the independent check of the plan.
  started = performance.now();
  const context = buildCountyContext(snapshot);
  const report = validatePlan(snapshot, plan, { context });
  const validateSeconds = (performance.now() - started) / 1000;

  emit({
    event: 'result',
    kind: 'ours',
    county,
    seed,
    size: {
      schools: snapshot.schools.length,
      teachers: snapshot.teachers.length,
      eligible: context.eligibleTotal,
    },
    generateSeconds,
    optimizeSeconds,
    buildSeconds: stats.buildSeconds,
    lpSeconds: stats.lpSeconds,
    mipSeconds: stats.mipSeconds,
    validateSeconds,
    peakRssMiB: peak,
    rssAfterGenerateMiB,
    objective: stats.objective,
    lpBound: stats.lpBound,
    gapPercent: stats.gap * 100,
    status: stats.status,
    movers: plan.moves.length,
    regions: stats.regions,
    columns: stats.columns,
    rows: stats.rows,
    keptColumns: stats.keptColumns,
    flags: plan.plan.flags.map((f) => f.rule),
    shortageBefore: plan.metrics.before.shortage_fte_total,
    shortageAfter: plan.metrics.after.shortage_fte_total,
    valid: report.ok,
    violations: countByRule(report.violations),
  });
}

runChild(main);
