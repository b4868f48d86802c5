import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, jobGaveUp, type GeneratePlanPayload } from '@tr/jobs';
import { PlanRunRepository } from '@tr/persistence';
import type { Queue } from 'bullmq';

/**
 * At start-up, gives every open plan a job again: a launch that committed its row but crashed
 * before queueing, or jobs lost with a Redis that keeps nothing on disk. jobId = plan id, so a plan
 * whose job still exists is left as it is. A job BullMQ already failed (it stalled too often) fails
 * its plan row too.
 */
@Injectable()
export class RequeueOpenPlansService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequeueOpenPlansService.name);

  constructor(
    @Inject(PlanRunRepository) private readonly plans: PlanRunRepository,
    @InjectQueue(QueueName.Plans) private readonly queue: Queue<GeneratePlanPayload>,
  ) {
    queue.on('error', (error) => this.logger.error({ msg: 'queue error', error: error.message }));
  }

  async onApplicationBootstrap(): Promise<void> {
    let requeued = 0;
    for (const plan of await this.plans.findOpen()) {
      const job = await this.queue.getJob(plan.id);
      if (!job) {
        await this.queue.add(JobName.GeneratePlan, { planId: plan.id }, { jobId: plan.id });
        requeued++;
      } else if (await job.isFailed()) {
        await this.plans.failOpen(plan.id, jobGaveUp(job.failedReason));
      }
    }
    if (requeued > 0)
      this.logger.warn({ msg: 'open plans without a job were queued again', count: requeued });
  }
}
