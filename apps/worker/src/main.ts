import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, type AppConfig } from '@tr/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The plan worker: takes GeneratePlan jobs from Redis, no HTTP. SIGTERM/SIGINT stop it gracefully:
 * no new jobs, the running one finishes (or is handed back after SHUTDOWN_GRACE_MS), exit 0.
 */
async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'stopping', signal });
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  };
  // Our own handlers rather than enableShutdownHooks(): Nest re-raises the signal after closing,
  // which would end the process by the signal instead of with exit code 0.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.log({ msg: 'worker ready', queuePrefix: config.queuePrefix, concurrency: config.jobs.concurrency });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `工作进程启动失败 / the worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
