import { parseArgs } from 'node:util';
import { loadConfig } from '@tr/config';
import { dataWarnings } from '@tr/domain';
import { readSnapshot, writeOutput, writeSnapshot } from '@tr/io';
import {
  SnapshotRepository,
  USER_ROLES,
  createAccount,
  openDataSource,
  type UserRole,
} from '@tr/persistence';
import type { DataSource } from 'typeorm';
import { dataWarningLines } from './data-warning-lines';
import { UsageError } from './usage-error';

export const IMPORT_USAGE = `用法 usage: npm run import -- --input <workbook.xlsx | folder> --county <county code>   (DATABASE_URL must be set)`;

async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDataSource(loadConfig().databaseUrl);
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs pending migrations: the only way the schema changes (never `synchronize`). */
export async function migrateCommand(): Promise<number> {
  const applied = await withDatabase((dataSource) => dataSource.runMigrations({ transaction: 'each' }));
  process.stdout.write(
    applied.length
      ? `已执行迁移 applied: ${applied.map((m) => m.name).join(', ')}\n`
      : '数据库已是最新 / the schema is up to date\n',
  );
  return 0;
}

/** Validates a snapshot like the plan command, then replaces the county's data in one transaction. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { input: { type: 'string' }, county: { type: 'string' } },
    strict: true,
  });
  if (!values.input || !values.county) throw new UsageError(IMPORT_USAGE);
  const snapshot = await readSnapshot(values.input);
  const summary = await withDatabase((dataSource) =>
    new SnapshotRepository(dataSource).importSnapshot(values.county!, snapshot),
  );
  process.stdout.write(
    `已导入 imported ${values.county}: ${summary.schools} 所学校 schools, ${summary.teachers} 名教师 teachers, ${summary.curriculum} 条课程 curriculum rows\n` +
      dataWarningLines(dataWarnings(snapshot))
        .map((line) => `${line}\n`)
        .join(''),
  );
  return 0;
}

export const CREATE_USER_USAGE = `用法 usage: NEW_USER_PASSWORD=… npm run create-user -- --username <name> --role <admin|county_hr|principal|teacher> [--name <display name>] [--county <code>] [--school <code>] [--staff-no <no>]`;

/** Creates a sign-in account; the password comes from NEW_USER_PASSWORD so it stays out of shell history. */
export async function createUserCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      county: { type: 'string' },
      school: { type: 'string' },
      'staff-no': { type: 'string' },
    },
    strict: true,
  });
  const password = process.env.NEW_USER_PASSWORD;
  if (!values.username || !values.role || !USER_ROLES.includes(values.role as UserRole))
    throw new UsageError(CREATE_USER_USAGE);
  if (!password || password.length < 10)
    throw new UsageError(
      `NEW_USER_PASSWORD 须至少 10 位 / must hold a password of at least 10 characters\n${CREATE_USER_USAGE}`,
    );
  const id = await withDatabase((dataSource) =>
    createAccount(dataSource, {
      username: values.username!,
      password,
      role: values.role as UserRole,
      displayName: values.name ?? values.username!,
      countyCode: values.county,
      schoolCode: values.school,
      staffNo: values['staff-no'],
    }),
  );
  process.stdout.write(`已创建账号 created user ${values.username} (${values.role}) ${id}\n`);
  return 0;
}

export const EXPORT_USAGE = `用法 usage: npm run export -- --county <county code> --out <folder | file.xlsx> [--year YYYY]   (DATABASE_URL must be set)`;

/**
 * Writes a county from PostgreSQL back out in the import formats: a CSV folder, or a workbook when
 * `--out` ends in .xlsx. National IDs are included: this is the HR office's own copy of its records.
 */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { county: { type: 'string' }, out: { type: 'string' }, year: { type: 'string' } },
    strict: true,
  });
  if (!values.county || !values.out) throw new UsageError(EXPORT_USAGE);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year))
    throw new UsageError(`--year 必须是整数 / --year must be an integer\n${EXPORT_USAGE}`);
  const snapshot = await withDatabase((dataSource) =>
    new SnapshotRepository(dataSource).loadSnapshot(values.county!, year),
  );
  const out = values.out;
  await writeOutput(out, () => writeSnapshot(snapshot, out, out.endsWith('.xlsx') ? 'xlsx' : 'csv'));
  process.stdout.write(
    `已导出 exported ${values.county} (${snapshot.policy.year}): ${snapshot.schools.length} 所学校 schools, ${snapshot.teachers.length} 名教师 teachers → ${values.out}\n`,
  );
  return 0;
}
