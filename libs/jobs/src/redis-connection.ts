import type { AppConfig } from '@tr/config';
import { Queue } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';
import { planJobOptions } from './job-options';
import { QueueName, type GeneratePlanPayload } from './queues';

/** Reconnect forever, never waiting more than two seconds between tries: Redis coming back is noticed soon. */
const retryStrategy = (times: number): number => Math.min(times * 200, 2000);

/** Options for connections that may wait (the worker's): commands queue up while Redis is away. */
export function redisOptions(redisUrl: string): RedisOptions & { url: string } {
  return { url: redisUrl, retryStrategy, connectTimeout: 5000 };
}

/**
 * A connection for producers that must answer now: with the offline queue off, a command while Redis
 * is down fails at once instead of waiting, and the client still reconnects by itself.
 */
export function createFailFastRedis(redisUrl: string): IORedis {
  return new IORedis(redisUrl, {
    retryStrategy,
    connectTimeout: 2000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
}

export interface PlanQueueHandle {
  queue: Queue<GeneratePlanPayload>;
  /** Closes the queue and its connection. */
  close(): Promise<void>;
}

/** The plans queue for a producer (the API), on a fail-fast connection, with job defaults from config. */
export function createPlanQueue(
  config: Pick<AppConfig, 'redisUrl' | 'queuePrefix' | 'jobs'>,
  onError: (error: Error) => void = () => undefined,
): PlanQueueHandle {
  if (!config.redisUrl) throw new Error('REDIS_URL 未设置 / REDIS_URL is not set');
  const connection = createFailFastRedis(config.redisUrl);
  const queue = new Queue<GeneratePlanPayload>(QueueName.Plans, {
    connection,
    prefix: config.queuePrefix,
    defaultJobOptions: planJobOptions(config.jobs),
  });
  // Without a listener a connection error would be an unhandled 'error' event and end the process.
  queue.on('error', onError);
  return {
    queue,
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

/** Whether the queue's connection is up right now (a Queue built on a connection instance only). */
export function queueConnected(queue: Queue): boolean {
  const connection = queue.opts.connection as { status?: string } | undefined;
  return connection?.status === undefined || connection.status === 'ready';
}
