import { IsOptional, IsString, Matches } from 'class-validator';

/** The service's environment, validated once at start-up (see load-config.ts). */
export class EnvDto {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL 必须是 postgres:// 地址 / must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL 必须是 redis:// 地址 / must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;
}
