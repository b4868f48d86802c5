import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MIGRATIONS, createDataSource } from '../data-source';

/** The server integration tests use; `.ci/run` sets DATABASE_URL, a developer's local PostgreSQL is the default. */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Named after the migrations it holds (names and code), so any change makes a new template, never a stale copy. */
const TEMPLATE = `rotation_template_${createHash('sha256')
  .update(MIGRATIONS.map((m) => `${m.name}:${m.prototype.up.toString()}`).join(','))
  .digest('hex')
  .slice(0, 12)}`;

/** Any fixed number: serialises template creation across jest workers. */
const TEMPLATE_LOCK = 7_264_021;

export interface TestDatabase {
  dataSource: DataSource;
  url: string;
  drop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Migrations run once into a template database; every suite then gets a cheap copy of it. */
async function ensureTemplate(admin: Client): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (rowCount) return;
    // Templates of older migrations are of no more use.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'rotation\\_template\\_%'`,
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    const building = `${TEMPLATE}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const dataSource = createDataSource(databaseUrl(building));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
    // Renamed only once complete: a half-migrated template is never copied.
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** A fresh database with every migration in place, for one test suite; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `rotation_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  });
  const url = databaseUrl(name);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  return {
    dataSource,
    url,
    async drop() {
      await dataSource.destroy();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
