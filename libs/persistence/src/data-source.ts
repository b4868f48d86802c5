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
  });
}
