import { HighsSolver } from './highs-solver';
import { JlpSolver } from './jlp-solver';
import { solveHardRulesFirst } from './hard-rules-first';
import { LinearModelBuilder, type LinearModel } from './linear-model';
import type { MipSolver, SolveOptions, SolveResult } from './solver';
import type { StrategyOptions } from './solve-strategy';

const OPTIONS: StrategyOptions = { timeLimitSeconds: 30, reducedCostThreshold: -1e-7, mipRelGap: 0 };

/**
 * A rule "keep ≥ 1 of x, y" that a slack may relax at a penalty. Keeping it with x costs `xCost` (an
 * objective term priced above the penalty, as CV growth was in a two-school county), with y `yCost`.
 */
function ruleModel(xCost: number, yCost: number, penalty: number): { model: LinearModel; slack: number } {
  const b = new LinearModelBuilder();
  const rule = b.row('rule', 1, Infinity);
  const pick = b.row('pick_one', -Infinity, 1);
  b.column('x', xCost, 0, 1, true, [
    [rule, 1],
    [pick, 1],
  ]);
  b.column('y', yCost, 0, 1, true, [
    [rule, 1],
    [pick, 1],
  ]);
  const slack = b.column('slack', penalty, 0, Infinity, false, [[rule, 1]]);
  return { model: b.build(), slack };
}

/** Records which models a backend is asked to solve: the plain one, the rules' costs only, or held. */
class RecordingSolver implements MipSolver {
  readonly name: string;
  readonly version: string;
  readonly kinds = new Set<'plain' | 'rules only' | 'held'>();
  constructor(private readonly inner: MipSolver) {
    this.name = inner.name;
    this.version = inner.version;
  }
  solve(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    this.kinds.add(
      model.rowNames.includes('hard_rules_first') ? 'held' : model.colCost[0] === 0 ? 'rules only' : 'plain',
    );
    return this.inner.solve(model, options);
  }
}

/** The rule asks for 2 of two columns that may not both be used: one unit of slack is always needed. */
function needingOneSlack(penalty: number): { model: LinearModel; slack: number } {
  const rule = ruleModel(50, 30, penalty);
  rule.model.rowLower[0] = 2;
  return rule;
}

/** Solves hard rules first with HiGHS, recording which models were solved and the rounds reported. */
async function solveRecorded(model: LinearModel, slacks: number[]) {
  const solver = new RecordingSolver(new HighsSolver());
  const rounds: number[] = [];
  const result = await solveHardRulesFirst(
    model,
    solver,
    { ...OPTIONS, onRound: (round) => rounds.push(round) },
    slacks,
  );
  return { result, kinds: [...solver.kinds], rounds };
}

describe(solveHardRulesFirst.name, () => {
  it.each([
    ['HiGHS', () => new HighsSolver()],
    ['javascript-lp-solver', () => new JlpSolver()],
  ])('keeps a hard rule that the penalties alone would relax (%s)', async (_, make) => {
    // Relaxing costs 10; keeping the rule costs 30 or 50: a plain solve relaxes it.
    const { model, slack } = ruleModel(50, 30, 10);
    const result = await solveHardRulesFirst(model, make(), OPTIONS, [slack]);

    expect(result.values[slack]).toBeCloseTo(0, 9);
    // Of the plans that keep it, the cheaper one.
    expect(Array.from(result.values.subarray(0, 2))).toEqual([0, 1]);
    expect(result.objective).toBeCloseTo(30, 6);
  });

  it('returns the first plan when it relaxes nothing, with no other solve', async () => {
    const { model, slack } = ruleModel(5, 3, 10);
    const { result, kinds } = await solveRecorded(model, [slack]);

    expect(result.values[slack]).toBeCloseTo(0, 9);
    expect(result.objective).toBeCloseTo(3, 6);
    expect(kinds).toEqual(['plain']);
  });

  it('keeps the relaxation when no plan can do without it, and solves it only once more', async () => {
    const { model, slack } = needingOneSlack(100);
    const { result, kinds } = await solveRecorded(model, [slack]);

    expect(result.values[slack]).toBeCloseTo(1, 9);
    expect(result.objective).toBeCloseTo(130, 6);
    // The least relaxation is the first plan's: that plan stands, and nothing is solved held to it.
    expect(kinds.sort()).toEqual(['plain', 'rules only']);
  });

  it('needs no other solve for a slack alone on its row, as for a due head with nobody to exchange with', async () => {
    const b = new LinearModelBuilder();
    const head = b.row('head', 1, 1);
    // Column 0 has a cost of its own, so that a solve of the rules' costs alone would be told apart.
    b.column('x', 1, 0, 1, true, [[b.row('other', 1, Infinity), 1]]);
    const slack = b.column('slack', 1000, 0, 1, false, [[head, 1]]);
    const { result, kinds } = await solveRecorded(b.build(), [slack]);

    expect(result.values[slack]).toBeCloseTo(1, 9);
    expect(kinds).toEqual(['plain']);
  });

  it('relaxes a rule no more than it must, where relaxing it further would cost less', async () => {
    // Two units of slack (20) cost less than one and y (40); only one is needed.
    const { model, slack } = needingOneSlack(10);
    const { result, kinds, rounds } = await solveRecorded(model, [slack]);

    expect(result.values[slack]).toBeCloseTo(1, 9);
    expect(result.objective).toBeCloseTo(40, 6);
    expect(kinds).toEqual(['plain', 'rules only', 'held']);
    // The progress display sees the plan's rounds only, counted on across the solves.
    expect(rounds).toEqual([1, 2]);
  });
});
