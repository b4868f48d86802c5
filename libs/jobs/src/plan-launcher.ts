import type { JobSettings } from '@tr/config';
import type { Policy } from '@tr/domain';
import { PlanRunRepository, type PlanEntity } from '@tr/persistence';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { planJobOptions } from './job-options';
import {
  CountyNotFoundForPlanError,
  PlanNotCancellableError,
  PlanNotFoundError,
  PolicyNotFoundError,
  QueueUnavailableError,
  policyWithOverrides,
} from './plan-job.exception';
import { JobName, type GeneratePlanPayload } from './queues';
import { queueConnected } from './redis-connection';

/** A hung Redis (accepting connections, not answering) must not hold the request longer than this. */
const ENQUEUE_TIMEOUT_MS = 5000;

export interface LaunchPlanInput {
  countyId: string;
  year?: number;
  scenario: string;
  policyOverrides: Partial<Policy>;
  idempotencyKey?: string;
  createdBy?: string;
}

export interface LaunchPlanResult {
  plan: PlanEntity;
  created: boolean;
}

/**
 * Starts and cancels plan runs. The plan row, with its idempotency key, is committed before the job
 * is queued (jobId = plan id, so BullMQ never holds two jobs for one plan); a row whose job could not
 * be queued is removed again. A crash between the two is repaired by the worker at start-up.
 */
export class PlanLauncher {
  private readonly plans: PlanRunRepository;

  constructor(
    dataSource: DataSource,
    private readonly queue: Queue<GeneratePlanPayload>,
    private readonly settings: JobSettings,
  ) {
    this.plans = new PlanRunRepository(dataSource);
  }

  async launch(input: LaunchPlanInput): Promise<LaunchPlanResult> {
    if (input.idempotencyKey !== undefined) {
      const existing = await this.plans.findByKey(input.countyId, input.idempotencyKey);
      if (existing) return { plan: existing, created: false };
    }
    const year = await this.checkedYear(input);
    const result = await this.plans.createOrGet({ ...input, year });
    if (!result.created) return result;
    try {
      await this.enqueue(result.plan.id);
    } catch (error) {
      await this.plans.deleteQueued(result.plan.id);
      throw error instanceof QueueUnavailableError ? error : new QueueUnavailableError(error);
    }
    return result;
  }

  /**
   * Cancels a queued plan at once (its job is removed) or asks the worker of a running one to stop;
   * the returned row of a running plan still says running, with cancelRequested set.
   */
  async cancel(planId: string): Promise<PlanEntity> {
    const result = await this.plans.requestCancel(planId);
    switch (result.outcome) {
      case 'not-found':
        throw new PlanNotFoundError(planId);
      case 'finished':
        throw new PlanNotCancellableError(planId, result.plan.status);
      case 'cancelled':
        // The row is already cancelled, so a worker that takes the job anyway will skip it: removing
        // the job only tidies up, and a Redis hiccup here must not undo the cancel.
        await this.queue.remove(planId).catch(() => 0);
        return result.plan;
      case 'cancel-requested':
        return result.plan;
    }
  }

  /** The plan's year (the county's latest policy year by default), with the overrides checked against it. */
  private async checkedYear(input: LaunchPlanInput): Promise<number> {
    const code = await this.plans.countyCode(input.countyId);
    if (code === undefined) throw new CountyNotFoundForPlanError(input.countyId);
    const policy = await this.plans.countyPolicy(input.countyId, input.year);
    if (!policy) throw new PolicyNotFoundError(input.countyId, input.year);
    policyWithOverrides(policy, input.policyOverrides);
    return policy.year;
  }

  private async enqueue(planId: string): Promise<void> {
    if (!queueConnected(this.queue)) throw new QueueUnavailableError();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new QueueUnavailableError(new Error('enqueue timed out'))),
        ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([
        this.queue.add(JobName.GeneratePlan, { planId }, { ...planJobOptions(this.settings), jobId: planId }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
