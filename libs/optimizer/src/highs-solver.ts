import loadHighs, { type Highs } from 'highs';
import type { LinearModel } from './linear-model';
import type { MipSolver, SolveOptions, SolveResult, SolveStatus } from './solver';

import { packageVersion } from './package-version';

const HIGHS_PACKAGE_VERSION = packageVersion('highs');

let runtime: Promise<Highs> | undefined;

/**
 * HiGHS (WebAssembly build) through its sparse-matrix API, which SOLVERS.md measured as faster and lighter
 * than LP text. The wasm heap has a 2 GiB ceiling past which the module aborts, so large counties are
 * split into regions before they reach it (see regions.ts), and each solve's model is disposed.
 */
export class HighsSolver implements MipSolver {
  readonly name = 'highs';
  readonly version = HIGHS_PACKAGE_VERSION;

  async solve(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    const highs = await (runtime ??= loadHighs());
    const started = performance.now();
    const inf = highs.infinity;
    const finite = (array: Float64Array) => array.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
    const handle = highs.createModel({
      numCols: model.numCols,
      numRows: model.numRows,
      colCost: model.colCost,
      colLower: finite(model.colLower),
      colUpper: finite(model.colUpper),
      rowLower: finite(model.rowLower),
      rowUpper: finite(model.rowUpper),
      matrix: {
        format: 'csc',
        numRows: model.numRows,
        numCols: model.numCols,
        starts: model.colStart,
        indices: model.rowIndex,
        values: model.value,
      },
      ...(options.relaxation ? {} : { integrality: Int32Array.from(model.integer) }),
    });
    try {
      handle.options.set({
        output_flag: process.env.HIGHS_LOG === '1',
        log_to_console: process.env.HIGHS_LOG === '1',
        time_limit: options.timeLimitSeconds,
        mip_rel_gap: options.mipRelGap,
        random_seed: 0,
        // The root reduced-cost heuristic costs the LP-guided MIP a second or more on a county and finds
        // nothing the sub-MIP heuristics don't (Dengfeng: 4.4 s → 2.9 s at the same optimum).
        ...(options.relaxation ? { solver: 'simplex' } : { mip_heuristic_run_root_reduced_cost: false }),
      });
      handle.run();
      const code = handle.getModelStatus();
      const status: SolveStatus = code === 7 ? 'optimal' : code === 13 ? 'time_limit' : code === 8 ? 'infeasible' : 'error';
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
}
