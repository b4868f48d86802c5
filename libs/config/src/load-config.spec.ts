import { ConfigError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  it('reads the database and redis addresses', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379' })).toEqual({
      databaseUrl: 'postgres://u@h:5432/db',
      redisUrl: 'redis://h:6379',
    });
  });

  it('stops with a message naming the missing or malformed setting', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://nope' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'http://nope' })).toThrow(/DATABASE_URL[\s\S]*REDIS_URL/);
  });
});
