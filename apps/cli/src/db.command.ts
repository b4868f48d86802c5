import { parseArgs } from 'node:util';
import { loadConfig } from '@tr/config';
import { readSnapshot } from '@tr/io';
import { SnapshotRepository, createDataSource } from '@tr/persistence';
import type { DataSource } from 'typeorm';
import { UsageError } from './usage-error';

export const IMPORT_USAGE = `用法 usage: npm run import -- --input <workbook.xlsx | folder> --county <county code>   (DATABASE_URL must be set)`;

async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = createDataSource(loadConfig().databaseUrl);
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs pending migrations: the only way the schema changes (never `synchronize`). */
export async function migrateCommand(): Promise<number> {
  const applied = await withDatabase((dataSource) => dataSource.runMigrations({ transaction: 'each' }));
  process.stdout.write(applied.length ? `已执行迁移 applied: ${applied.map((m) => m.name).join(', ')}\n` : '数据库已是最新 / the schema is up to date\n');
  return 0;
}

/** Validates a snapshot like the plan command, then replaces the county's data in one transaction. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { input: { type: 'string' }, county: { type: 'string' } }, strict: true });
  if (!values.input || !values.county) throw new UsageError(IMPORT_USAGE);
  const snapshot = await readSnapshot(values.input);
  const summary = await withDatabase((dataSource) => new SnapshotRepository(dataSource).importSnapshot(values.county!, snapshot));
  process.stdout.write(
    `已导入 imported ${values.county}: ${summary.schools} 所学校 schools, ${summary.teachers} 名教师 teachers, ${summary.curriculum} 条课程 curriculum rows\n`,
  );
  return 0;
}
