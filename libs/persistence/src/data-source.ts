import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CountyEntity } from './entities/county.entity';
import { CountyPolicyEntity } from './entities/county-policy.entity';
import { CurriculumEntryEntity } from './entities/curriculum-entry.entity';
import { SchoolEntity } from './entities/school.entity';
import { TeacherEntity } from './entities/teacher.entity';
import { DistrictEntity } from './entities/district.entity';
import { EducationGroupEntity } from './entities/education-group.entity';
import { StaffingQuotaEntity } from './entities/staffing-quota.entity';
import { FlexiblePoolEntity } from './entities/flexible-pool.entity';
import { FlexibleGrantEntity } from './entities/flexible-grant.entity';
import { PostEntity } from './entities/post.entity';
import { TeacherStatusHistoryEntity } from './entities/teacher-status-history.entity';
import { RotationHistoryEntity } from './entities/rotation-history.entity';
import { UserEntity } from './entities/user.entity';
import { PlanEntity } from './entities/plan.entity';
import { PlanMoveEntity } from './entities/plan-move.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { InitialSchema1764072000000 } from './migrations/1764072000000-initial-schema';
import { ServiceSchema1764158400000 } from './migrations/1764158400000-service-schema';

export const ENTITIES = [
  CountyEntity,
  DistrictEntity,
  EducationGroupEntity,
  SchoolEntity,
  TeacherEntity,
  CurriculumEntryEntity,
  CountyPolicyEntity,
  StaffingQuotaEntity,
  FlexiblePoolEntity,
  FlexibleGrantEntity,
  PostEntity,
  TeacherStatusHistoryEntity,
  RotationHistoryEntity,
  UserEntity,
  PlanEntity,
  PlanMoveEntity,
  AuditLogEntity,
];
export const MIGRATIONS = [InitialSchema1764072000000, ServiceSchema1764158400000];

/** The one data source: migrations only, never `synchronize`. */
export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // A server that never answers is an error to report, not a wait without end.
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
  });
}

export const CONNECT_TIMEOUT_MS = 15_000;

/** The database refused or never answered the connection (or the login); says where, without the password. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';

  constructor(databaseUrl: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `无法连接数据库 ${redactedUrl(databaseUrl)}：${reason} / cannot connect to the database at ${redactedUrl(databaseUrl)}: ${reason}`,
      { cause },
    );
  }
}

function redactedUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

/** Connects, turning a refused or timed-out connection into a DatabaseUnavailableError. */
export async function openDataSource(databaseUrl: string): Promise<DataSource> {
  const dataSource = createDataSource(databaseUrl);
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(databaseUrl, error);
  }
}
