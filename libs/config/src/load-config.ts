import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvDto } from './env.dto';

export interface JobSettings {
  attempts: number;
  backoffMs: number;
  lockMs: number;
  stalledIntervalMs: number;
  concurrency: number;
  timeLimitSeconds: number;
  shutdownGraceMs: number;
}

export interface AppConfig {
  databaseUrl: string;
  redisUrl?: string;
  /** BullMQ key prefix ('bull' unless QUEUE_PREFIX says otherwise). */
  queuePrefix: string;
  /** Absent outside the API; the API refuses to start without it. */
  jwtSecret?: string;
  jwtTtlSeconds: number;
  port: number;
  logLevel: string;
  loginRateLimit: number;
  jobs: JobSettings;
}

/** Thrown when the environment is invalid; start-up stops with every problem listed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The one place that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dto = plainToInstance(EnvDto, { ...env });
  const errors = validateSync(dto, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? { [e.property]: `${e.property} 无效 / is invalid` }),
    );
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  }
  return {
    databaseUrl: dto.DATABASE_URL,
    redisUrl: dto.REDIS_URL,
    queuePrefix: dto.QUEUE_PREFIX ?? 'bull',
    jwtSecret: dto.JWT_SECRET,
    jwtTtlSeconds: dto.JWT_TTL_SECONDS ?? 3600,
    port: dto.PORT ?? 3000,
    logLevel: dto.LOG_LEVEL ?? 'info',
    loginRateLimit: dto.LOGIN_RATE_LIMIT ?? 10,
    jobs: {
      attempts: dto.PLAN_JOB_ATTEMPTS ?? 3,
      backoffMs: dto.PLAN_JOB_BACKOFF_MS ?? 5000,
      lockMs: dto.PLAN_JOB_LOCK_MS ?? 30_000,
      stalledIntervalMs: dto.PLAN_JOB_STALLED_INTERVAL_MS ?? 30_000,
      concurrency: dto.WORKER_CONCURRENCY ?? 1,
      timeLimitSeconds: dto.PLAN_TIME_LIMIT_SECONDS ?? 120,
      shutdownGraceMs: dto.SHUTDOWN_GRACE_MS ?? 600_000,
    },
  };
}
