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
    it('keeps the ids of schools and teachers across a re-import, so plans and accounts still point at them', async () => {
      await repository.importSnapshot('410185', sample);
      const before = await db.dataSource.query(`SELECT id, staff_no FROM teachers ORDER BY staff_no LIMIT 5`);
      await repository.importSnapshot('410185', sample);
      const after = await db.dataSource.query(`SELECT id, staff_no FROM teachers ORDER BY staff_no LIMIT 5`);
      expect(after).toEqual(before);
    });

    it('records a status history row when a teacher first appears and each time the status changes', async () => {
      await repository.importSnapshot('410185', sample);
      const teacher = sample.teachers[0];
      const changed: Snapshot = {
        ...sample,
        teachers: [
          { ...teacher, status: teacher.status === 'sick' ? 'active' : 'sick' },
          ...sample.teachers.slice(1),
        ],
      };
      await repository.importSnapshot('410185', changed);
      await repository.importSnapshot('410185', changed);
      const history = await db.dataSource.query(
        `SELECT h.status FROM teacher_status_history h JOIN teachers t ON t.id = h.teacher_id WHERE t.staff_no = $1 ORDER BY h.recorded_at, h.id`,
        [teacher.id],
      );
      expect(history.length).toBeGreaterThanOrEqual(2);
      expect(history.at(-1).status).toBe(changed.teachers[0].status);
      const [{ count }] = await db.dataSource.query(
        `SELECT count(*)::int FROM teacher_status_history h JOIN teachers t ON t.id = h.teacher_id WHERE t.staff_no = $1 AND h.status = $2`,
        [teacher.id, changed.teachers[0].status],
      );
      expect(count).toBe(1);
    });

    it('keeps a national ID on file when the import leaves it blank (as an export does)', async () => {
      await repository.importSnapshot('410185', sample);
      const withId = sample.teachers.find((t) => t.nationalId)!;
      const blanked: Snapshot = {
        ...sample,
        teachers: sample.teachers.map(({ nationalId: _drop, ...t }) => t),
      };
      await repository.importSnapshot('410185', blanked);
      const [row] = await db.dataSource.query(`SELECT national_id FROM teachers WHERE staff_no = $1`, [
        withId.id,
      ]);
      expect(row.national_id).toBe(withId.nationalId);
    });

    it('derives each school’s basic quota and posts by subject from the curriculum and class counts', async () => {
      await repository.importSnapshot('410185', sample);
      const school = sample.schools.find((s) => s.classesPrimary > 0)!;
      const posts = await db.dataSource.query(
        `SELECT p.subject, p.count, p.need_fte FROM posts p JOIN schools s ON s.id = p.school_id JOIN counties c ON c.id = s.county_id
         WHERE c.code = '410185' AND s.code = $1 AND p.year = $2`,
        [school.code, sample.policy.year],
      );
      const chinese = sample.curriculum.find((c) => c.stage === 'primary' && c.subject === 'chinese')!;
      const post = posts.find((p: { subject: string }) => p.subject === 'chinese');
      expect(post.need_fte).toBeCloseTo(
        (school.classesPrimary * chinese.periodsPerClassWeek) / chinese.fullLoadPeriods,
        9,
      );
      expect(post.count).toBe(Math.ceil(post.need_fte - 1e-9));
      const [quota] = await db.dataSource.query(
        `SELECT q.basic FROM staffing_quotas q JOIN schools s ON s.id = q.school_id JOIN counties c ON c.id = s.county_id
         WHERE c.code = '410185' AND s.code = $1`,
        [school.code],
      );
      expect(quota.basic).toBe(posts.reduce((sum: number, p: { count: number }) => sum + p.count, 0));
    });

    it('stores districts and education groups as rows of their own', async () => {
      await repository.importSnapshot('410185', sample);
      const districts = new Set(sample.schools.map((s) => s.district).filter(Boolean));
      const [{ count }] = await db.dataSource.query(
        `SELECT count(*)::int FROM districts d JOIN counties c ON c.id = d.county_id WHERE c.code = '410185'`,
      );
      expect(count).toBe(districts.size);
    });
  });
});
