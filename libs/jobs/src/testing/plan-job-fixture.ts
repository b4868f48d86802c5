import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '@tr/config';
import type { Snapshot } from '@tr/domain';
import { SnapshotRepository } from '@tr/persistence';
import { createTestDatabase, type TestDatabase } from '@tr/persistence/testing/test-database';
import { generateCounty, type PresetName } from '@tr/samples';
import IORedis from 'ioredis';

/** The Redis integration tests use; `.ci/run` sets REDIS_URL, a developer's local Redis is the default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ImportedCounty {
  id: string;
  code: string;
  snapshot: Snapshot;
}

/** A fresh database and a queue prefix of its own, so suites never see each other's rows or jobs. */
export interface PlanJobFixture {
  db: TestDatabase;
  prefix: string;
  /** The environment a worker of this suite runs with (also for spawned processes). */
  env: Record<string, string>;
  config(overrides?: Record<string, string>): AppConfig;
  importCounty(code: string, preset: PresetName): Promise<ImportedCounty>;
  /** Removes the suite's jobs from Redis and drops its database. */
  close(): Promise<void>;
}

export async function createPlanJobFixture(env: Record<string, string> = {}): Promise<PlanJobFixture> {
  const db = await createTestDatabase();
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  const baseEnv = {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    ...env,
  };
  return {
    db,
    prefix,
    env: baseEnv,
    config: (overrides = {}) => loadConfig({ ...baseEnv, ...overrides }),
    async importCounty(code, preset) {
      const snapshot = generateCounty(preset);
      const { countyId } = await new SnapshotRepository(db.dataSource).importSnapshot(code, snapshot);
      return { id: countyId, code, snapshot };
    },
    async close() {
      const redis = new IORedis(TEST_REDIS_URL);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
      await db.drop();
    },
  };
}
