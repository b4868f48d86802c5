import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** The service's environment, validated once at start-up (see load-config.ts). */
export class EnvDto {
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'DATABASE_URL 必须是 postgres:// 地址 / must be a postgres:// URL',
  })
  DATABASE_URL!: string;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL 必须是 redis:// 地址 / must be a redis:// URL' })
  REDIS_URL?: string;

  /** Key prefix of the BullMQ queues in Redis; lets several deployments (or test suites) share one Redis. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'QUEUE_PREFIX 只能含字母、数字、- 和 _ / letters, digits, - and _ only',
  })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET 至少 32 个字符 / must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_535)
  PORT?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Login attempts allowed per client per minute. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  PLAN_JOB_ATTEMPTS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  PLAN_JOB_BACKOFF_MS?: number;

  /** How long a worker's lock on a job lasts before BullMQ counts the job stalled (renewed at half). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  PLAN_JOB_LOCK_MS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  PLAN_JOB_STALLED_INTERVAL_MS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(16)
  WORKER_CONCURRENCY?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PLAN_TIME_LIMIT_SECONDS?: number;

  /** How long a stopping worker waits for its running job before handing it back to the queue. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS?: number;
}
