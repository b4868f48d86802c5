import { PlanStage, type PlanProgress } from '@tr/jobs';
import type { PlanRunLease, PlanRunRepository, ProgressOutcome } from '@tr/persistence';

/** Where each stage sits in the job's 0–100; the optimizer's own percentages are scaled into solving. */
const STAGE_RANGE: Record<PlanStage, [number, number]> = {
  [PlanStage.Loading]: [0, 10],
  [PlanStage.Building]: [10, 15],
  [PlanStage.Solving]: [15, 85],
  [PlanStage.Naming]: [85, 92],
  [PlanStage.Saving]: [92, 100],
};

/** Row writes at most this often within one stage; a new stage is always written. */
const THROTTLE_MS = 500;

/** `percent` (0–100 within the stage) as a percentage of the whole job. */
export function overallPercent(stage: PlanStage, percent: number): number {
  const [from, to] = STAGE_RANGE[stage];
  return Math.round(from + ((to - from) * Math.max(0, Math.min(100, percent))) / 100);
}

/**
 * Sends progress to the job (for the API's stream) and the plan row (for the UI), throttled, never
 * going backwards. The row write is version-checked, so it also tells whether a cancel came in.
 */
export class PlanProgressReporter {
  private last: PlanProgress | undefined;
  private lastWrite = 0;

  constructor(
    private readonly job: { updateProgress(progress: object): Promise<void> },
    private readonly plans: PlanRunRepository,
    private readonly lease: PlanRunLease,
  ) {}

  async report(stage: PlanStage, stagePercent: number): Promise<ProgressOutcome> {
    const percent = Math.max(overallPercent(stage, stagePercent), this.last?.percent ?? 0);
    const newStage = this.last?.stage !== stage;
    if (!newStage && (percent === this.last?.percent || Date.now() - this.lastWrite < THROTTLE_MS))
      return 'ok';
    this.last = { stage, percent };
    this.lastWrite = Date.now();
    await this.job.updateProgress(this.last);
    return this.plans.progress(this.lease, stage, percent);
  }
}
