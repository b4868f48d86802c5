import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@tr/config';
import { APP_CONFIG } from './app-config.token';

/** Provides the AppConfig validated once at start-up (main.ts, or a test). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
