import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CountyEntity } from './entities/county.entity';
import { CountyPolicyEntity } from './entities/county-policy.entity';
import { CurriculumEntryEntity } from './entities/curriculum-entry.entity';
import { SchoolEntity } from './entities/school.entity';
import { TeacherEntity } from './entities/teacher.entity';
import { InitialSchema1764072000000 } from './migrations/1764072000000-initial-schema';

export const ENTITIES = [CountyEntity, SchoolEntity, TeacherEntity, CurriculumEntryEntity, CountyPolicyEntity];
export const MIGRATIONS = [InitialSchema1764072000000];

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
