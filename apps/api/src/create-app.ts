import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@tr/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation.pipe';
import { ConfigError } from '@tr/config';

/** Builds the configured API application (not yet listening): used by main.ts and the tests alike. */
export async function createApp(config: AppConfig, logStream?: DestinationStream): Promise<INestApplication> {
  if (!config.jwtSecret)
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  - JWT_SECRET 未设置 / JWT_SECRET is required by the API',
    );
  if (!config.redisUrl)
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  - REDIS_URL 未设置 / REDIS_URL is required by the API',
    );
  const app = await NestFactory.create(AppModule.forRoot(config, logStream), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('县管校聘 教师交流轮岗 API / teacher rotation API')
      .setDescription(
        '区县人事科、校长与教师使用的接口。错误统一为 {status, error: {code, message_zh, message, details?, request_id}}。',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
