import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';

/** The server integration tests use; `.ci/run` sets DATABASE_URL, a developer's local PostgreSQL is the default. */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  dataSource: DataSource;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with every migration run, for one test suite; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `rotation_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString());
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    url: url.toString(),
    async drop() {
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: SERVER_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
