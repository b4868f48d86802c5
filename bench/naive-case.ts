/**
 * Child process: the naive per-teacher binary model (naive-model.ts) solved by javascript-lp-solver.
 * Usage: node --import tsx bench/naive-case.ts --county <key> --seed <n> --limit <seconds>
 *
 * jlp's own timeout only covers its branch and bound, not the root LP; the orchestrator kills this
 * process at limit + 60 s.
 */
import {
  buildCountyContext,
  planMetrics,
  snapshotHash,
  type CountyContext,
  type Plan,
  type PlanFlag,
  type PlanMove,
} from '@tr/domain';
import { JlpSolver } from '@tr/optimizer';
import { validatePlan } from '@tr/validator';
import { generateBenchCounty, isCountyKey } from './counties';
import { buildNaiveModel, type NaiveModel } from './naive-model';
import { childArgs, countByRule, emit, peakRssMiB, runChild, sinceStart } from './protocol';

async function main(): Promise<void> {
  const args = childArgs(process.argv.slice(2));
  const county = args.get('county') ?? '';
  const seed = Number(args.get('seed') ?? '1');
  const limitSeconds = Number(args.get('limit') ?? '300');
  if (!isCountyKey(county)) throw new Error(`unknown county "${county}"`);

  let started = performance.now();
  const snapshot = generateBenchCounty(county, seed);
  const context = buildCountyContext(snapshot);
  const generateSeconds = (performance.now() - started) / 1000;
  emit({
    event: 'phase',
    phase: 'generated',
    at: sinceStart(),
    seconds: generateSeconds,
    detail: { teachers: snapshot.teachers.length },
  });

  const timed = performance.now();
  started = timed;
  const naive = buildNaiveModel(context);
  const buildSeconds = (performance.now() - started) / 1000;
  const { model } = naive;
  emit({
    event: 'phase',
    phase: 'built',
    at: sinceStart(),
    seconds: buildSeconds,
    detail: { columns: model.numCols, rows: model.numRows, nonzeros: model.colStart[model.numCols] },
  });

  started = performance.now();
  const solver = new JlpSolver();
  // The budget counts from the start of the timed part; jlp applies it to its branch and bound only.
  const budget = Math.max(1, limitSeconds - (performance.now() - timed) / 1000);
  const result = await solver.solve(model, { relaxation: false, timeLimitSeconds: budget, mipRelGap: 1e-4 });
  const solveSeconds = (performance.now() - started) / 1000;
  const peak = peakRssMiB();
  emit({
    event: 'phase',
    phase: 'solved',
    at: sinceStart(),
    seconds: solveSeconds,
    detail: { status: result.status },
  });

  const integral = result.status === 'optimal' || result.status === 'time_limit';
  const base = {
    event: 'result' as const,
    kind: 'naive' as const,
    county,
    seed,
    size: {
      schools: snapshot.schools.length,
      teachers: snapshot.teachers.length,
      eligible: context.eligibleTotal,
    },
    limitSeconds,
    generateSeconds,
    buildSeconds,
    solveSeconds,
    wallSeconds: buildSeconds + solveSeconds,
    peakRssMiB: peak,
    columns: model.numCols,
    rows: model.numRows,
    nonzeros: model.colStart[model.numCols],
    status: result.status,
    shortageBefore: planMetrics(context, []).shortage_fte_total,
  };
  if (!integral) {
    emit({
      ...base,
      objective: result.status === 'infeasible' ? null : result.objective,
      movers: null,
      shortageAfter: null,
      valid: null,
      violations: null,
    });
    return;
  }
  // Outside the timed part: the jlp point as a plan, checked by the independent validator.
  const plan = naivePlan(context, naive, result.values, result.objective);
  const report = validatePlan(snapshot, plan, { context });
  emit({
    ...base,
    objective: result.objective,
    movers: plan.moves.length,
    shortageAfter: plan.metrics.after.shortage_fte_total,
    valid: report.ok,
    violations: countByRule(report.violations),
  });
}

/**
 * The naive solution as a plan. The naive model leaves heads out, so every head due to rotate is flagged
 * (relaxed) rather than reported as a violation: the validator then judges the teachers' moves only.
 */
function naivePlan(context: CountyContext, naive: NaiveModel, values: Float64Array, objective: number): Plan {
  const { snapshot } = context;
  const { policy } = snapshot;
  const moves: PlanMove[] = [];
  naive.moves.forEach((move, c) => {
    if (!move || values[c] < 0.5) return;
    moves.push({
      teacher_id: move.teacher.id,
      from_school: move.teacher.schoolCode,
      to_school: move.to,
      subject: move.teacher.subject,
      kind: 'rotation',
      term_years: policy.rotation_term_years,
      // The naive model has no reasons of its own: the teacher's eligibility says why they may move.
      reasons: [`naive benchmark model; ${context.eligibility.get(move.teacher.id)!.explanation.en}`],
      reasons_zh: [`朴素基准模型；${context.eligibility.get(move.teacher.id)!.explanation.zh}`],
    });
  });
  const flags: PlanFlag[] = snapshot.teachers
    .filter((t) => context.eligibility.get(t.id)?.headDueToRotate)
    .map((t) => ({
      rule: 'head_rotation',
      message: `naive benchmark model: heads are not modelled (${t.id})`,
      message_zh: `朴素模型不含校级领导 (${t.id})`,
      detail: { teacher_id: t.id, school: t.schoolCode },
    }));
  const hash = snapshotHash(snapshot);
  return {
    plan: {
      id: `naive-${policy.year}-${hash.slice(0, 12)}`,
      county: snapshot.county,
      year: policy.year,
      status: 'draft',
      policy,
      snapshot_hash: hash,
      solver: {
        name: 'javascript-lp-solver',
        version: new JlpSolver().version,
        objective,
        lp_bound: objective,
        gap: 0,
        status: 'naive',
      },
      flags,
    },
    moves,
    metrics: { before: planMetrics(context, []), after: planMetrics(context, moves) },
  };
}

runChild(main);
