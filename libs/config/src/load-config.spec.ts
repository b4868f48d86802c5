import { ConfigError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  it('reads the database and redis addresses', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379' })).toMatchObject(
      {
        databaseUrl: 'postgres://u@h:5432/db',
        redisUrl: 'redis://h:6379',
      },
    );
  });

  it('fills job settings with defaults and reads numbers from strings', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://h/db', PLAN_JOB_ATTEMPTS: '5', PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.jobs).toMatchObject({ attempts: 5, backoffMs: 5000, lockMs: 30_000, concurrency: 1 });
  });

  it('refuses a short JWT secret and a port out of range', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/db', JWT_SECRET: 'short', PORT: '70000' })).toThrow(
      /JWT_SECRET[\s\S]*PORT|PORT[\s\S]*JWT_SECRET/,
    );
  });

  it('stops with a message naming the missing or malformed setting', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://nope' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'http://nope' })).toThrow(/DATABASE_URL[\s\S]*REDIS_URL/);
  });
});
