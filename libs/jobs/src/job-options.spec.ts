import { loadConfig } from '@tr/config';
import { planJobOptions, planWorkerOptions } from './job-options';

const settings = loadConfig({
  DATABASE_URL: 'postgres://h/db',
  PLAN_JOB_ATTEMPTS: '4',
  PLAN_JOB_BACKOFF_MS: '2000',
  PLAN_JOB_LOCK_MS: '8000',
  PLAN_JOB_STALLED_INTERVAL_MS: '4000',
  WORKER_CONCURRENCY: '2',
}).jobs;

describe(planJobOptions.name, () => {
  it('retries with exponential backoff from config and keeps failed jobs', () => {
    expect(planJobOptions(settings)).toMatchObject({
      attempts: 4,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnFail: false,
      removeOnComplete: { age: 86_400, count: 1000 },
    });
  });
});

describe(planWorkerOptions.name, () => {
  it('takes the lock, stall interval and concurrency from config and forgives one stall', () => {
    expect(planWorkerOptions(settings)).toEqual({
      concurrency: 2,
      lockDuration: 8000,
      stalledInterval: 4000,
      maxStalledCount: 1,
    });
  });
});
