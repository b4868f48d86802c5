export * from './data-source';
export * from './snapshot.repository';
export * from './entities/county.entity';
export * from './entities/school.entity';
export * from './entities/teacher.entity';
export * from './entities/curriculum-entry.entity';
export * from './entities/county-policy.entity';
