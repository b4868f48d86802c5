import { PlanStage } from '@tr/jobs';
import type { PlanRunLease, PlanRunRepository } from '@tr/persistence';
import { overallPercent, PlanProgressReporter } from './plan-progress.reporter';

describe(PlanProgressReporter.name, () => {
  const lease: PlanRunLease = { planId: 'p', attempt: 1, version: 2 };
  const setup = () => {
    const sent: object[] = [];
    const written: [string, number][] = [];
    const job = { updateProgress: async (p: object) => void sent.push(p) };
    const plans = {
      progress: jest.fn(
        async (_l: PlanRunLease, stage: string, percent: number) => (
          written.push([stage, percent]),
          'ok' as const
        ),
      ),
    };
    return {
      sent,
      written,
      reporter: new PlanProgressReporter(job, plans as unknown as PlanRunRepository, lease),
    };
  };

  it('places each stage in its own band of the whole job', () => {
    expect(
      [PlanStage.Loading, PlanStage.Building, PlanStage.Solving, PlanStage.Naming, PlanStage.Saving].map(
        (s) => overallPercent(s, 0),
      ),
    ).toEqual([0, 10, 15, 85, 92]);
    expect(overallPercent(PlanStage.Solving, 50)).toBe(50);
    expect(overallPercent(PlanStage.Saving, 100)).toBe(100);
  });

  it('always writes a new stage, throttles repeats within one, and never goes backwards', async () => {
    const { sent, written, reporter } = setup();
    await reporter.report(PlanStage.Solving, 10);
    await reporter.report(PlanStage.Solving, 20); // within the throttle window
    await reporter.report(PlanStage.Naming, 0);
    await reporter.report(PlanStage.Building, 0); // a late message from an earlier stage

    expect(sent).toEqual([
      { stage: 'solving', percent: 22 },
      { stage: 'naming', percent: 85 },
      { stage: 'building', percent: 85 },
    ]);
    expect(written.map(([, percent]) => percent)).toEqual([22, 85, 85]);
  });
});
