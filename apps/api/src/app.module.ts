import { Module, type DynamicModule } from '@nestjs/common';
import { loggerOptions, type AppConfig } from '@tr/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { CountiesModule } from './counties/counties.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { PlansModule } from './plans/plans.module';
import { QueueModule } from './queue/queue.module';
import { SchoolsModule } from './schools/schools.module';
import { StaffingModule } from './staffing/staffing.module';
import { TeachersModule } from './teachers/teachers.module';
import { UsersModule } from './users/users.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The API, assembled from its modules; a test passes its own config and log stream. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              ...loggerOptions(config.logLevel),
              // Keep a caller's request id (a gateway's) or make one; it is echoed back and on every log line.
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
            logStream ?? process.stdout,
          ],
        }),
        DatabaseModule,
        QueueModule,
        UsersModule,
        AuthModule,
        CountiesModule,
        SchoolsModule,
        TeachersModule,
        PlansModule,
        StaffingModule,
        HealthModule,
      ],
    };
  }
}
