import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@tr/config';
import { QueueName } from '@tr/jobs';
import { PlanEntity } from '@tr/persistence';
import { QueueEvents } from 'bullmq';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../worker.module';

/** A worker inside the test process (the same module main.ts runs), without its logs. */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
}

export interface RecordedEvents {
  events: QueueEvents;
  progress: { jobId: string; data: unknown }[];
  completed: { jobId: string; returnvalue: unknown }[];
  failed: { jobId: string; failedReason: string }[];
  stalled: string[];
}

/** Listens to the suite's queue from Redis, as the API's progress stream would. */
export async function recordEvents(config: AppConfig): Promise<RecordedEvents> {
  const events = new QueueEvents(QueueName.Plans, {
    connection: { url: config.redisUrl },
    prefix: config.queuePrefix,
  });
  const recorded: RecordedEvents = { events, progress: [], completed: [], failed: [], stalled: [] };
  events.on('progress', ({ jobId, data }) => recorded.progress.push({ jobId, data }));
  events.on('completed', ({ jobId, returnvalue }) => recorded.completed.push({ jobId, returnvalue }));
  events.on('failed', ({ jobId, failedReason }) => recorded.failed.push({ jobId, failedReason }));
  events.on('stalled', ({ jobId }) => recorded.stalled.push(jobId));
  await events.waitUntilReady();
  return recorded;
}

/** Polls until `check` returns something truthy. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The plan row once it satisfies `accept`. */
export function waitForPlan(
  dataSource: DataSource,
  planId: string,
  accept: (plan: PlanEntity) => boolean,
  timeoutMs = 30_000,
): Promise<PlanEntity> {
  return waitFor(
    async () => {
      const plan = await dataSource.manager.findOneBy(PlanEntity, { id: planId });
      return plan && accept(plan) ? plan : undefined;
    },
    timeoutMs,
    `plan ${planId}`,
  );
}

/** Chinese resident ID numbers: 17 digits and a check character. */
export const NATIONAL_ID_PATTERN = /\d{17}[\dXx]/;
