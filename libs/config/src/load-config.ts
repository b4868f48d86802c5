import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvDto } from './env.dto';

export interface AppConfig {
  databaseUrl: string;
  redisUrl?: string;
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
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} 无效 / is invalid` }));
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  }
  return { databaseUrl: dto.DATABASE_URL, redisUrl: dto.REDIS_URL };
}
