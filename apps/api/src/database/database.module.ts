import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@tr/config';
import { SnapshotRepository, openDataSource } from '@tr/persistence';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config.token';

/** The one DataSource of the process, opened at start and closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => openDataSource(config.databaseUrl),
    },
    {
      provide: SnapshotRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new SnapshotRepository(dataSource),
    },
  ],
  exports: [DataSource, SnapshotRepository],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Runs after the HTTP server has stopped taking requests and finished the ones in flight. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    new Logger('Shutdown').log({ msg: 'database closed, stopping', signal });
  }
}
