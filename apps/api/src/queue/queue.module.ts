import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@tr/config';
import { PlanLauncher, createPlanQueue, type PlanQueueHandle } from '@tr/jobs';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config.token';

export const PLAN_QUEUE = Symbol('PLAN_QUEUE');

/**
 * The API's side of the plans queue: a producer on a fail-fast Redis connection, so a request made
 * while Redis is down gets a 503 at once and the next one after Redis returns goes through.
 */
@Global()
@Module({
  providers: [
    {
      provide: PLAN_QUEUE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PlanQueueHandle => {
        const logger = new Logger('PlanQueue');
        let lastWarning = 0;
        return createPlanQueue(config, (error) => {
          // A Redis outage raises an error per reconnect attempt; one line every 30 s is enough.
          if (Date.now() - lastWarning < 30_000) return;
          lastWarning = Date.now();
          logger.warn(`Redis 不可用 / Redis unavailable: ${error.message}`);
        });
      },
    },
    {
      provide: PlanLauncher,
      inject: [DataSource, PLAN_QUEUE, APP_CONFIG],
      useFactory: (dataSource: DataSource, handle: PlanQueueHandle, config: AppConfig) =>
        new PlanLauncher(dataSource, handle.queue, config.jobs),
    },
  ],
  exports: [PLAN_QUEUE, PlanLauncher],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(PLAN_QUEUE) private readonly handle: PlanQueueHandle) {}

  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
  }
}
