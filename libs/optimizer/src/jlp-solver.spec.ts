import { JlpSolver } from './jlp-solver';
import { LinearModelBuilder } from './linear-model';

describe(JlpSolver.name, () => {
  it('proves of a MIP only what its tolerance allows: the objective less the relative gap', async () => {
    const b = new LinearModelBuilder();
    b.column('x', 100, 0, 3, true, [[b.row('need', 1, Infinity), 1]]);
    const model = b.build();
    const mip = await new JlpSolver().solve(model, {
      relaxation: false,
      timeLimitSeconds: 10,
      mipRelGap: 0.01,
    });
    expect(mip.status).toBe('optimal');
    expect(mip.objective).toBe(100);
    expect(mip.bound).toBeCloseTo(99, 9);

    const lp = await new JlpSolver().solve(model, {
      relaxation: true,
      timeLimitSeconds: 10,
      mipRelGap: 0.01,
    });
    expect(lp.bound).toBe(lp.objective);
  });
});
