import type { JobSettings } from '@tr/config';
import type { JobsOptions, WorkerOptions } from 'bullmq';

/** Finished jobs stay a day (at most 1,000) for the UI; the plan row is the lasting record. */
const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 };

/** Every plan job's options: retries with exponential backoff, failures kept for inspection. */
export function planJobOptions(settings: JobSettings): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: false,
  };
}

/** The worker's lock and stall settings. One stall is forgiven (a killed worker), a second fails the job. */
export function planWorkerOptions(
  settings: JobSettings,
): Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> {
  return {
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: 1,
  };
}
