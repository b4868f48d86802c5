import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { loggerOptions, type AppConfig } from '@tr/config';
import { planJobOptions, QueueName, redisOptions } from '@tr/jobs';
import { openDataSource, PlanRunRepository, SnapshotRepository } from '@tr/persistence';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { configuredPlanProcessor } from './plan.processor';
import { PlanRunner } from './plan-runner.service';
import { RequeueOpenPlansService } from './requeue-open-plans.service';
import { DEFAULT_SOLVE_THREAD_POOL, SolveThreadPool } from './solve-thread-pool';
import { APP_CONFIG } from './worker.tokens';

/** Closes the database last: after the processor has let its job finish (beforeApplicationShutdown). */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Ends the solve threads once the processor has let its job finish (beforeApplicationShutdown). */
@Injectable()
class SolveThreadCloser implements OnApplicationShutdown {
  constructor(@Inject(SolveThreadPool) private readonly threads: SolveThreadPool) {}

  onApplicationShutdown(): Promise<void> {
    return this.threads.close();
  }
}

/** The worker process: the plans queue's processor, the database, and logs. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.redisUrl) throw new Error('REDIS_URL 未设置 / REDIS_URL is not set');
    return {
      module: WorkerModule,
      imports: [
        // The API's pino options: JSON lines, anything shaped like a resident ID masked as a last line of defence.
        LoggerModule.forRoot({ pinoHttp: { ...loggerOptions(config.logLevel), base: { app: 'worker' } } }),
        BullModule.forRoot({ connection: redisOptions(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: QueueName.Plans, defaultJobOptions: planJobOptions(config.jobs) }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () => openDataSource(config.databaseUrl),
        },
        {
          provide: PlanRunRepository,
          useFactory: (ds: DataSource) => new PlanRunRepository(ds),
          inject: [DataSource],
        },
        {
          provide: SnapshotRepository,
          useFactory: (ds: DataSource) => new SnapshotRepository(ds),
          inject: [DataSource],
        },
        {
          provide: SolveThreadPool,
          // One warm thread kept per job the worker runs at a time.
          useFactory: () =>
            new SolveThreadPool({ ...DEFAULT_SOLVE_THREAD_POOL, maxIdle: config.jobs.concurrency }),
        },
        {
          provide: PlanRunner,
          useFactory: (plans: PlanRunRepository, snapshots: SnapshotRepository, threads: SolveThreadPool) =>
            new PlanRunner(plans, snapshots, config, threads),
          inject: [PlanRunRepository, SnapshotRepository, SolveThreadPool],
        },
        DatabaseCloser,
        SolveThreadCloser,
        configuredPlanProcessor(config),
        RequeueOpenPlansService,
      ],
    };
  }
}
