export * from './queues';
export * from './plan-job-error-code';
export * from './plan-job.exception';
export * from './job-options';
export * from './redis-connection';
export * from './plan-launcher';
