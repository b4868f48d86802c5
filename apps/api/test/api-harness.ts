import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@tr/config';
import { SnapshotRepository, createAccount, type UserRole } from '@tr/persistence';
import { createTestDatabase, type TestDatabase } from '@tr/persistence/testing/test-database';
import { generateCounty } from '@tr/samples';
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import request from 'supertest';
import { createApp } from '../src/create-app';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PASSWORD = 'correct horse battery';
export const COUNTY_A = '410185';
export const COUNTY_B = '410186';

/** The objects an authorization test needs, inside and outside each user's scope. */
export interface Fixtures {
  countyA: string;
  countyB: string;
  /** The principal's school, where the teacher user works. */
  schoolA1: string;
  schoolA1Code: string;
  /** Another school of county A. */
  schoolA2: string;
  schoolA2Code: string;
  schoolB1: string;
  /** The teacher user's own record (at school A1), another teacher of county A (at A2), one of county B. */
  teacherA1: string;
  teacherA2: string;
  teacherB1: string;
  /** A finished plan of each county; plan A has a move out of A1 and one between two other schools. */
  planA: string;
  planB: string;
}

export type Actor = 'anonymous' | 'admin' | 'hr' | 'principal' | 'teacher';
export const ACTORS: Actor[] = ['anonymous', 'admin', 'hr', 'principal', 'teacher'];

export interface ApiHarness {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  fixtures: Fixtures;
  tokens: Record<Exclude<Actor, 'anonymous'>, string>;
  /** Every line the API logged. */
  logs: string[];
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
}

/**
 * A real API on a fresh database with two imported sample counties and one user of each role,
 * a queue prefix of its own in the real Redis, and its log lines captured.
 */
export async function startApi(options: HarnessOptions = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const prefix = `test_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL,
    JWT_SECRET: randomBytes(24).toString('hex'),
    QUEUE_PREFIX: prefix,
    LOGIN_RATE_LIMIT: '100',
    ...options.env,
  });
  const fixtures = await seed(db);
  const logs: string[] = [];
  const app = await createApp(config, { write: (line: string) => void logs.push(line) });
  await app.init();
  const http = () => request(app.getHttpServer());
  const tokens = {} as ApiHarness['tokens'];
  for (const actor of ['admin', 'hr', 'principal', 'teacher'] as const) {
    const response = await http()
      .post('/auth/login')
      .send({ username: actor, password: PASSWORD })
      .expect(200);
    tokens[actor] = response.body.access_token;
  }
  return {
    app,
    config,
    db,
    fixtures,
    tokens,
    logs,
    http,
    async close() {
      await app.close();
      await clearQueue(prefix);
      await db.drop();
    },
  };
}

export function authHeader(harness: ApiHarness, actor: Actor): Record<string, string> {
  return actor === 'anonymous' ? {} : { authorization: `Bearer ${harness.tokens[actor]}` };
}

export async function seed(db: TestDatabase): Promise<Fixtures> {
  const snapshots = new SnapshotRepository(db.dataSource);
  const { countyId: countyA } = await snapshots.importSnapshot(COUNTY_A, {
    ...generateCounty('mini', 1),
    county: '样例县甲',
  });
  const { countyId: countyB } = await snapshots.importSnapshot(COUNTY_B, {
    ...generateCounty('mini', 2),
    county: '样例县乙',
  });
  const query = db.dataSource.query.bind(db.dataSource);
  const schoolsA: { id: string; code: string }[] = await query(
    `SELECT id, code FROM schools WHERE county_id = $1 ORDER BY sheet_order LIMIT 3`,
    [countyA],
  );
  const [schoolB1] = await query(`SELECT id FROM schools WHERE county_id = $1 ORDER BY sheet_order LIMIT 1`, [
    countyB,
  ]);
  const teacherAt = async (schoolId: string): Promise<{ id: string; staff_no: string }> =>
    (
      await query(
        `SELECT id, staff_no FROM teachers WHERE school_id = $1 AND national_id IS NOT NULL ORDER BY sheet_order LIMIT 1`,
        [schoolId],
      )
    )[0];
  const [a1, a2, a3] = schoolsA;
  const teacherA1 = await teacherAt(a1.id);
  const teacherA2 = await teacherAt(a2.id);
  const teacherA3 = await teacherAt(a3.id);
  const teacherB1 = await teacherAt(schoolB1.id);

  const accounts: [string, UserRole, Partial<Parameters<typeof createAccount>[1]>][] = [
    ['admin', 'admin', {}],
    ['hr', 'county_hr', { countyCode: COUNTY_A }],
    ['principal', 'principal', { countyCode: COUNTY_A, schoolCode: a1.code }],
    ['teacher', 'teacher', { countyCode: COUNTY_A, staffNo: teacherA1.staff_no }],
  ];
  for (const [username, role, scope] of accounts) {
    await createAccount(db.dataSource, {
      username,
      role,
      password: PASSWORD,
      displayName: username,
      ...scope,
    });
  }

  const planA = await finishedPlan(db, countyA, [
    { teacher: teacherA1, from: a1, to: a2 },
    { teacher: teacherA3, from: a3, to: a2 },
  ]);
  const planB = await finishedPlan(db, countyB, []);
  for (const countyId of [countyA, countyB]) {
    await query(`INSERT INTO flexible_pools (county_id, year, total) VALUES ($1, 2026, 5)`, [countyId]);
  }
  return {
    countyA,
    countyB,
    schoolA1: a1.id,
    schoolA1Code: a1.code,
    schoolA2: a2.id,
    schoolA2Code: a2.code,
    schoolB1: schoolB1.id,
    teacherA1: teacherA1.id,
    teacherA2: teacherA2.id,
    teacherB1: teacherB1.id,
    planA,
    planB,
  };
}

interface MoveSeed {
  teacher: { id: string; staff_no: string };
  from: { id: string; code: string };
  to: { id: string; code: string };
}

/** A succeeded plan row with the given moves, as the worker would have saved it. */
async function finishedPlan(db: TestDatabase, countyId: string, moves: MoveSeed[]): Promise<string> {
  const [{ id }] = await db.dataSource.query(
    `INSERT INTO plans (county_id, year, scenario, status, progress, attempts, header, metrics, policy, started_at, finished_at)
     VALUES ($1, 2026, '样例方案', 'succeeded', 100, 1, '{}', '{}', '{}', now(), now()) RETURNING id`,
    [countyId],
  );
  for (const [position, move] of moves.entries()) {
    await db.dataSource.query(
      `INSERT INTO plan_moves (plan_id, position, teacher_id, staff_no, from_school_id, to_school_id, from_school_code, to_school_code,
         subject, kind, term_years, reasons, reasons_zh)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'math', 'rotation', 3, '{"fills a shortage"}', '{"补缺"}')`,
      [
        id,
        position,
        move.teacher.id,
        move.teacher.staff_no,
        move.from.id,
        move.to.id,
        move.from.code,
        move.to.code,
      ],
    );
  }
  return id;
}

/** Removes every key of a test's queue prefix from Redis. */
export async function clearQueue(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** Every value stored under the prefix (job hashes, lists, streams), as text, for scanning. */
export async function dumpQueue(prefix: string): Promise<string[]> {
  const redis = new IORedis(REDIS_URL);
  try {
    const out: string[] = [];
    for (const key of await redis.keys(`${prefix}:*`)) {
      const type = await redis.type(key);
      if (type === 'hash') out.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') out.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'string') out.push(String(await redis.get(key)));
      else if (type === 'zset') out.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') out.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

/** An unmasked resident ID anywhere in a text. */
export const UNMASKED_NATIONAL_ID = /(?<![0-9])[0-9]{17}[0-9X](?![0-9])/;
