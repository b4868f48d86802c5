import type { AppConfig } from '@tr/config';
import type { Snapshot } from '@tr/domain';
import {
  CountyNotFoundForPlanError,
  policyWithOverrides,
  PlanJobErrorCode,
  PlanJobException,
  PlanStage,
  PolicyNotFoundError,
} from '@tr/jobs';
import {
  CountyNotFoundError,
  SnapshotRepository,
  type PlanEntity,
  type PlanRunLease,
  type PlanRunRepository,
} from '@tr/persistence';
import type { PlanProgressReporter } from './plan-progress.reporter';
import { SolveAbortedError, SolveFailedError, type SolveThreadPool } from './solve-thread-pool';

/** How often a running solve looks for a cancel request: the brief is "stops within about a second". */
const CANCEL_POLL_MS = 400;

/** Why a solve was stopped from inside the runner. */
export type StopReason = 'cancel-requested' | 'lost' | 'shutdown';

export type RunOutcome =
  | { status: 'succeeded'; moves: number }
  | { status: 'cancelled' }
  /** Another attempt holds the row now (this worker stalled); it does the saving. */
  | { status: 'superseded' };

/**
 * One attempt of a plan job, in the worker process: load the snapshot, solve on a thread, check,
 * save in one transaction. Invalid input becomes a PlanJobException; anything else is left as it is
 * (a transient failure the queue retries).
 */
export class PlanRunner {
  constructor(
    private readonly plans: PlanRunRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly config: Pick<AppConfig, 'jobs'>,
    private readonly threads: SolveThreadPool,
  ) {}

  async run(
    plan: PlanEntity,
    lease: PlanRunLease,
    progress: PlanProgressReporter,
    shutdown: AbortSignal,
  ): Promise<RunOutcome> {
    await progress.report(PlanStage.Loading, 0);
    const snapshot = await this.loadSnapshot(plan);
    await progress.report(PlanStage.Loading, 100);

    const stop = new AbortController();
    const onShutdown = () => stop.abort('shutdown' satisfies StopReason);
    shutdown.addEventListener('abort', onShutdown);
    const poll = setInterval(() => {
      this.plans.check(lease).then(
        (outcome) => outcome !== 'ok' && stop.abort(outcome satisfies StopReason),
        () => undefined, // a missed poll is retried on the next tick
      );
    }, CANCEL_POLL_MS);
    let relay = Promise.resolve();
    try {
      const result = await this.threads.solve(
        { snapshot, timeLimitSeconds: this.config.jobs.timeLimitSeconds },
        (stage, percent) => {
          const planStage =
            stage === 'building'
              ? PlanStage.Building
              : stage === 'solving'
                ? PlanStage.Solving
                : PlanStage.Naming;
          // Progress writes are chained so they land in order; their outcome is another cancel check.
          relay = relay
            .then(() =>
              progress.report(
                planStage,
                planStage === PlanStage.Solving ? ((percent - 5) / 85) * 100 : percent,
              ),
            )
            .then((outcome) => void (outcome !== 'ok' && stop.abort(outcome satisfies StopReason)))
            .catch(() => undefined);
        },
        stop.signal,
      );
      await relay;
      if (result.violations.length > 0) {
        const lines = result.violations.slice(0, 5);
        throw new PlanJobException(
          PlanJobErrorCode.PlanRejected,
          `方案未通过校验：${lines.map((v) => `${v.rule}: ${v.zh}`).join('；')}`,
          `the plan failed validation: ${lines.map((v) => `${v.rule}: ${v.en}`).join('; ')}`,
        );
      }
      await progress.report(PlanStage.Saving, 0);
      if (await this.plans.saveResult(lease, plan.countyId, result.plan)) {
        return { status: 'succeeded', moves: result.plan.moves.length };
      }
      return this.afterStop(lease, await this.plans.check(lease));
    } catch (error) {
      if (error instanceof SolveAbortedError && error.reason !== 'shutdown')
        return this.afterStop(lease, error.reason as StopReason);
      if (error instanceof SolveFailedError) {
        throw new PlanJobException(
          PlanJobErrorCode.SolveFailed,
          `求解失败：${error.message}`,
          `the solve failed: ${error.message}`,
        );
      }
      throw error;
    } finally {
      clearInterval(poll);
      shutdown.removeEventListener('abort', onShutdown);
    }
  }

  private async afterStop(lease: PlanRunLease, reason: StopReason | 'ok'): Promise<RunOutcome> {
    if (reason === 'cancel-requested' && (await this.plans.cancelled(lease))) return { status: 'cancelled' };
    return { status: 'superseded' };
  }

  /** The county at the plan's year with its overrides: anything missing or invalid will not get better by retrying. */
  private async loadSnapshot(plan: PlanEntity): Promise<Snapshot> {
    const code = await this.plans.countyCode(plan.countyId);
    if (code === undefined) throw new CountyNotFoundForPlanError(plan.countyId);
    let snapshot: Snapshot;
    try {
      snapshot = await this.snapshots.loadSnapshot(code, plan.year);
    } catch (error) {
      if (error instanceof CountyNotFoundError) throw new PolicyNotFoundError(plan.countyId, plan.year);
      throw error;
    }
    return { ...snapshot, policy: policyWithOverrides(snapshot.policy, plan.policyOverrides) };
  }
}
