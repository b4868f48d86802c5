import loadHighs, { type Highs, type HighsCallbackMap } from 'highs';
import { relativeGap } from './gaps';
import { restrictColumns, type LinearModel } from './linear-model';
import type {
  LpSession,
  LpSessionResult,
  MipSolver,
  SolveOptions,
  SolveResult,
  SolveStatus,
  WorkLimit,
} from './solver';

import { packageVersion } from './package-version';

const HIGHS_PACKAGE_VERSION = packageVersion('highs');

let runtime: Promise<Highs> | undefined;

/**
 * Starts compiling the HiGHS WebAssembly module. V8 compiles it on background threads, so calling this
 * before building a model takes the compilation out of the first solve's time.
 */
export function warmUpHighs(): void {
  runtime ??= loadRuntime();
}

/** The wasm module; with HIGHS_LOG=1 its log goes to stderr (the package drops it unless given a sink). */
function loadRuntime(): Promise<Highs> {
  const log = process.env.HIGHS_LOG === '1' ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  return loadHighs(log ? { print: log, printErr: log } : undefined);
}

type HighsModel = ReturnType<Highs['createModel']>;

/**
 * HiGHS (WebAssembly build) through its sparse-matrix API, which SOLVERS.md measured as faster and lighter
 * than LP text. The wasm heap has a 2 GiB ceiling past which the module aborts, so large counties are
 * split into regions before they reach it (see regions.ts), and each solve's model is disposed.
 */
export class HighsSolver implements MipSolver {
  readonly name = 'highs';
  readonly version = HIGHS_PACKAGE_VERSION;

  async solve(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    const highs = await (runtime ??= loadRuntime());
    const started = performance.now();
    const handle = highs.createModel({
      ...toHighsLp(highs, model),
      ...(options.relaxation ? {} : { integrality: Int32Array.from(model.integer) }),
    });
    try {
      handle.options.set({
        ...logOptions(),
        time_limit: options.timeLimitSeconds,
        ...(options.mipAbsGap !== undefined
          ? { mip_rel_gap: 0, mip_abs_gap: options.mipAbsGap }
          : { mip_rel_gap: options.mipRelGap }),
        // The root reduced-cost heuristic costs the LP-guided MIP a second or more on a county and finds
        // nothing the sub-MIP heuristics don't (Dengfeng: 4.4 s → 2.9 s at the same optimum).
        ...(options.relaxation ? { solver: 'simplex' } : { mip_heuristic_run_root_reduced_cost: false }),
      });
      if (!options.relaxation && options.start) handle.setSolution({ colValue: options.start });
      handle.run(options.relaxation ? undefined : workLimitCallback(highs, options.workLimit));
      const status = statusOf(handle);
      const solution = handle.getSolution();
      const objective = handle.getObjectiveValue();
      const dualBound = options.relaxation ? objective : Number(handle.info.get('mip_dual_bound'));
      return {
        status,
        objective,
        bound: Number.isFinite(dualBound) ? dualBound : objective,
        values: Float64Array.from(solution.colValue),
        reducedCosts: options.relaxation ? Float64Array.from(solution.colDual) : undefined,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      handle.dispose();
    }
  }

  async openLp(model: LinearModel, columns: readonly number[]): Promise<LpSession> {
    const highs = await (runtime ??= loadRuntime());
    const handle = highs.createModel(toHighsLp(highs, restrictColumns(model, columns)));
    handle.options.set({ ...logOptions(), solver: 'simplex' });
    return new HighsLpSession(highs, model, handle);
  }
}

/** Adding columns keeps HiGHS's basis: the next run starts from the last optimum. */
class HighsLpSession implements LpSession {
  constructor(
    private readonly highs: Highs,
    private readonly model: LinearModel,
    private readonly handle: HighsModel,
  ) {}

  addColumns(columns: readonly number[]): void {
    if (columns.length === 0) return;
    const part = highsColumns(this.highs, restrictColumns(this.model, columns));
    this.handle.addCols({
      cost: part.colCost,
      lower: part.colLower,
      upper: part.colUpper,
      matrix: part.matrix,
    });
  }

  solve(timeLimitSeconds: number, iterationLimit = ITERATIONS_UNLIMITED): LpSessionResult {
    const started = performance.now();
    this.handle.options.set({ time_limit: timeLimitSeconds, simplex_iteration_limit: iterationLimit });
    this.handle.run();
    const solution = this.handle.getSolution();
    return {
      status: statusOf(this.handle),
      objective: this.handle.getObjectiveValue(),
      values: Float64Array.from(solution.colValue),
      rowDuals: Float64Array.from(solution.rowDual),
      seconds: (performance.now() - started) / 1000,
    };
  }

  restart(): void {
    this.handle.clearSolver();
  }

  setColumnBounds(positions: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (positions.length === 0) return;
    this.handle.changeColsBounds(
      { kind: 'set', indices: positions },
      finite(this.highs, lower),
      finite(this.highs, upper),
    );
  }

  close(): void {
    this.handle.dispose();
  }
}

/** Interrupts a MIP past its LP-iteration budget once its incumbent is good enough (SolveOptions.workLimit). */
function workLimitCallback(highs: Highs, limit: WorkLimit | undefined): HighsCallbackMap | undefined {
  if (!limit) return undefined;
  return {
    [highs.constants.callbackType.mipInterrupt]: (event) => {
      const { mip_total_lp_iterations: iterations, mip_primal_bound: incumbent } = event.data;
      if (iterations === undefined || incumbent === undefined || !Number.isFinite(incumbent))
        return undefined;
      const spent = Number(iterations);
      const own = event.data.mip_dual_bound;
      const good =
        incumbent <= limit.acceptAt ||
        (own !== undefined &&
          Number.isFinite(own) &&
          relativeGap(incumbent, own, limit.penalty) <= limit.ownGap);
      if ((spent >= limit.lpIterations && good) || spent >= limit.anyPlanAfter) event.interrupt();
      return undefined;
    },
  };
}

/** HiGHS's own default for simplex_iteration_limit (the largest HighsInt). */
const ITERATIONS_UNLIMITED = 2147483647;

/** HiGHS spells infinity as its own large number. */
function finite(highs: Highs, array: Float64Array): Float64Array {
  const inf = highs.infinity;
  return array.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
}

function toHighsLp(highs: Highs, model: LinearModel) {
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    rowLower: finite(highs, model.rowLower),
    rowUpper: finite(highs, model.rowUpper),
    ...highsColumns(highs, model),
  };
}

/** The columns alone, as `addCols` takes them. */
function highsColumns(highs: Highs, model: LinearModel) {
  return {
    colCost: model.colCost,
    colLower: finite(highs, model.colLower),
    colUpper: finite(highs, model.colUpper),
    matrix: {
      format: 'csc' as const,
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.colStart,
      indices: model.rowIndex,
      values: model.value,
    },
  };
}

function logOptions() {
  return {
    output_flag: process.env.HIGHS_LOG === '1',
    log_to_console: process.env.HIGHS_LOG === '1',
    random_seed: 0,
  };
}

function statusOf(handle: HighsModel): SolveStatus {
  const code = handle.getModelStatus();
  return code === 7
    ? 'optimal'
    : code === 13
      ? 'time_limit'
      : code === 14 || code === 17
        ? 'iteration_limit'
        : code === 8
          ? 'infeasible'
          : 'error';
}
