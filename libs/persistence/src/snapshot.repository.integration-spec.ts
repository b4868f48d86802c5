import { join } from 'node:path';
import type { Snapshot } from '@tr/domain';
import { readSnapshot } from '@tr/io';
import { SchoolEntity } from './entities/school.entity';
import { TeacherEntity } from './entities/teacher.entity';
import { SnapshotRepository } from './snapshot.repository';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

const SAMPLE = join(__dirname, '..', '..', '..', 'examples', 'dengfeng');

describe(SnapshotRepository.name, () => {
  let db: TestDatabase;
  let repository: SnapshotRepository;
  let sample: Snapshot;

  beforeAll(async () => {
    db = await createTestDatabase();
    repository = new SnapshotRepository(db.dataSource);
    sample = await readSnapshot(SAMPLE);
  });

  afterAll(async () => {
    await db.drop();
  });

  describe('importSnapshot', () => {
    it('stores the sample county and reads back the same snapshot', async () => {
      const summary = await repository.importSnapshot('410185', sample);

      expect(summary).toMatchObject({
        schools: 94,
        teachers: sample.teachers.length,
        curriculum: sample.curriculum.length,
      });
      expect(await repository.loadSnapshot('410185')).toStrictEqual(sample);
    });

    it('replaces the county on a second import rather than adding to it', async () => {
      const smaller: Snapshot = { ...sample, teachers: sample.teachers.slice(0, 100) };
      await repository.importSnapshot('410185', smaller);

      expect(await db.dataSource.manager.count(TeacherEntity)).toBe(100);
      expect(await db.dataSource.manager.count(SchoolEntity)).toBe(94);
      expect((await repository.loadSnapshot('410185')).teachers).toStrictEqual(smaller.teachers);
    });

    it('rolls back everything when one row breaks a database rule, leaving the previous data intact', async () => {
      await repository.importSnapshot('410185', sample);
      const broken: Snapshot = {
        ...sample,
        teachers: [...sample.teachers.slice(0, 50), { ...sample.teachers[50], atSchoolSince: '1900-01-01' }],
      };

      await expect(repository.importSnapshot('410185', broken)).rejects.toThrow(
        /at_school_since|check constraint/,
      );
      expect(await repository.loadSnapshot('410185')).toStrictEqual(sample);
    });

    it('keeps counties apart: one county’s import never touches another’s rows', async () => {
      const other: Snapshot = { ...sample, county: '另一县', teachers: sample.teachers.slice(0, 10) };
      await repository.importSnapshot('OTHER', other);

      expect((await repository.loadSnapshot('410185')).teachers).toHaveLength(sample.teachers.length);
      expect((await repository.loadSnapshot('OTHER')).teachers).toHaveLength(10);
    });
  });
});
