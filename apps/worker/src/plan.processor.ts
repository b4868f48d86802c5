import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type Type } from '@nestjs/common';
import type { AppConfig } from '@tr/config';
import {
  JobName,
  jobGaveUp,
  PlanJobErrorCode,
  PlanJobException,
  planWorkerOptions,
  QueueName,
  type GeneratePlanPayload,
} from '@tr/jobs';
import { PlanRunRepository, type PlanRunLease } from '@tr/persistence';
import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import { APP_CONFIG } from './worker.tokens';
import { PlanProgressReporter } from './plan-progress.reporter';
import { PlanRunner, type RunOutcome } from './plan-runner.service';
import { SolveAbortedError } from './solve-thread-pool';

export type PlanJobResult = RunOutcome | { status: 'skipped' } | { status: 'handed-back' };

/**
 * Runs GeneratePlan jobs. The job carries only the plan id; everything else is read from PostgreSQL.
 * Invalid input fails the job at once (UnrecoverableError) with its reason on the plan row; other
 * errors are retried with backoff. On shutdown the running job may finish within the grace period,
 * after which it is handed back to the queue.
 */
@Injectable()
export class PlanProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PlanProcessor.name);
  private readonly shutdown = new AbortController();

  // Explicit tokens: tsx (npm run worker) compiles with esbuild, which emits no parameter types.
  constructor(
    @Inject(PlanRunRepository) private readonly plans: PlanRunRepository,
    @Inject(PlanRunner) private readonly runner: PlanRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<GeneratePlanPayload>, token?: string): Promise<PlanJobResult> {
    if (job.name !== JobName.GeneratePlan) throw new UnrecoverableError(`unknown job ${job.name}`);
    const { planId } = job.data;
    const start = await this.plans.start(planId);
    if (!start.started) {
      this.logger.log({
        msg: 'plan not runnable, skipped',
        planId,
        jobId: job.id,
        status: start.plan?.status ?? 'missing',
      });
      return { status: 'skipped' };
    }
    const { lease, plan } = start;
    this.logger.log({ msg: 'plan started', planId, jobId: job.id, attempt: lease.attempt });
    try {
      const outcome = await this.runner.run(
        plan,
        lease,
        new PlanProgressReporter(job, this.plans, lease),
        this.shutdown.signal,
      );
      this.logger.log({ msg: 'plan finished', planId, attempt: lease.attempt, ...outcome });
      return outcome;
    } catch (error) {
      if (error instanceof SolveAbortedError && error.reason === 'shutdown' && token) {
        await this.handBack(job, token, lease);
        throw new WaitingError();
      }
      throw await this.recordFailure(job, lease, error);
    }
  }

  /** Stops taking jobs; lets the running one finish within the grace period, then hands it back. */
  async beforeApplicationShutdown(): Promise<void> {
    const grace = setTimeout(() => {
      this.logger.warn({
        msg: 'shutdown grace period over, handing running jobs back',
        graceMs: this.config.jobs.shutdownGraceMs,
      });
      this.shutdown.abort();
    }, this.config.jobs.shutdownGraceMs);
    try {
      await this.worker.close();
    } finally {
      clearTimeout(grace);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error({ msg: 'worker error', error: error.message });
  }

  /**
   * BullMQ can fail a job that never reached recordFailure (stalled more often than allowed): close
   * its plan row too. Retried attempts are delayed, not failed, and a row already failed stays as is.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<GeneratePlanPayload> | undefined): Promise<void> {
    if (!job || !(await job.isFailed())) return;
    await this.plans.failOpen(job.data.planId, jobGaveUp(job.failedReason)).catch((error: unknown) =>
      this.logger.error({
        msg: 'could not close a given-up plan',
        planId: job.data.planId,
        error: String(error),
      }),
    );
  }

  @OnWorkerEvent('stalled')
  onStalled(jobId: string): void {
    this.logger.warn({ msg: 'job stalled and returned to the queue', jobId });
  }

  private async handBack(job: Job<GeneratePlanPayload>, token: string, lease: PlanRunLease): Promise<void> {
    await this.plans.requeue(lease, null);
    await job.moveToWait(token);
    this.logger.warn({ msg: 'plan handed back to the queue', planId: lease.planId, attempt: lease.attempt });
  }

  /** Stores the reason on the row and returns what to throw: UnrecoverableError when retrying cannot help. */
  private async recordFailure(
    job: Job<GeneratePlanPayload>,
    lease: PlanRunLease,
    error: unknown,
  ): Promise<Error> {
    const invalidInput = error instanceof PlanJobException;
    const reason =
      error instanceof PlanJobException
        ? error.toPlanError()
        : {
            code: PlanJobErrorCode.Transient,
            message: error instanceof Error ? error.message : String(error),
            message_zh: `临时故障：${error instanceof Error ? error.message : String(error)}`,
          };
    const lastAttempt = invalidInput || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await (lastAttempt ? this.plans.fail(lease, reason) : this.plans.requeue(lease, reason)).catch(
      (writeError: unknown) =>
        this.logger.error({
          msg: 'could not record the failure',
          planId: lease.planId,
          error: String(writeError),
        }),
    );
    this.logger.warn({
      msg: 'plan attempt failed',
      planId: lease.planId,
      attempt: lease.attempt,
      code: reason.code,
      error: reason.message,
      retry: !lastAttempt,
    });
    if (invalidInput) return new UnrecoverableError(`${reason.code}: ${reason.message}`);
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The processor class registered with @nestjs/bullmq. @Processor takes its worker options (lock,
 * stall interval, concurrency) as static metadata, and these come from the validated config, so the
 * decorator is applied to a subclass when the module is built rather than at import.
 */
export function configuredPlanProcessor(config: AppConfig): Type<PlanProcessor> {
  @Processor(QueueName.Plans, planWorkerOptions(config.jobs))
  class ConfiguredPlanProcessor extends PlanProcessor {}
  return ConfiguredPlanProcessor;
}
