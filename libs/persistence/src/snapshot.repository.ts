import {
  ceilFte,
  subjectNeed,
  type CurriculumEntry,
  type School,
  type Snapshot,
  type Subject,
  type Teacher,
  type TeacherStatus,
} from '@tr/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CountyEntity } from './entities/county.entity';
import { CountyPolicyEntity } from './entities/county-policy.entity';
import { CurriculumEntryEntity } from './entities/curriculum-entry.entity';
import { SchoolEntity } from './entities/school.entity';
import { TeacherEntity } from './entities/teacher.entity';
import { PostEntity } from './entities/post.entity';
import { StaffingQuotaEntity } from './entities/staffing-quota.entity';
import { TeacherStatusHistoryEntity } from './entities/teacher-status-history.entity';
import { idsByKey } from './ids-by-key.util';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 1000;

export interface ImportSummary {
  countyId: string;
  schools: number;
  teachers: number;
  curriculum: number;
}

/** A county's snapshot in PostgreSQL: written whole in one transaction, read back as the domain's Snapshot. */
export class SnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Brings the county in line with the snapshot, all or nothing. Schools and teachers are matched by
   * code and staff number, so their ids — and the plans, history and accounts that point at them —
   * survive a re-import; rows the snapshot no longer has are removed. The county row is locked first
   * so two imports of one county queue up.
   */
  async importSnapshot(countyCode: string, snapshot: Snapshot): Promise<ImportSummary> {
    return this.dataSource.transaction(async (manager) => {
      const countyId = await this.lockCounty(manager, countyCode, snapshot.county);
      await manager.upsert(
        CountyPolicyEntity,
        { countyId, year: snapshot.policy.year, settings: snapshot.policy },
        ['countyId', 'year'],
      );

      const districtIds = await upsertNames(
        manager,
        'districts',
        countyId,
        snapshot.schools.map((s) => s.district),
      );
      const groupIds = await upsertNames(
        manager,
        'education_groups',
        countyId,
        snapshot.schools.map((s) => s.group),
      );
      for (const rows of chunks(
        snapshot.schools.map((s, i) => schoolRow(countyId, s, i, districtIds, groupIds)),
      )) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(SchoolEntity)
          .values(rows)
          .orUpdate(updatableColumns(manager, SchoolEntity, 'code'), ['county_id', 'code'])
          .updateEntity(false)
          .execute();
      }
      const schoolIds = await idsByKey(manager, 'schools', 'code', countyId);

      const previous = await this.storedTeachers(manager, countyId);
      // Exports leave national IDs blank (a response never carries one), so a blank keeps the ID on file.
      const teachers = snapshot.teachers.map((t) =>
        t.nationalId ? t : { ...t, nationalId: previous.get(t.id)?.nationalId ?? undefined },
      );
      for (const rows of chunks(teachers.map((t, i) => teacherRow(countyId, t, i, schoolIds)))) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(TeacherEntity)
          .values(rows)
          .orUpdate(updatableColumns(manager, TeacherEntity, 'staff_no'), ['county_id', 'staff_no'])
          .updateEntity(false)
          .execute();
      }
      const teacherIds = await idsByKey(manager, 'teachers', 'staff_no', countyId);
      const statusChanges = snapshot.teachers
        .filter((t) => previous.get(t.id)?.status !== t.status)
        .map((t) => ({ teacherId: teacherIds.get(t.id)!, status: t.status }));
      for (const rows of chunks(statusChanges)) await manager.insert(TeacherStatusHistoryEntity, rows);

      // Teachers and schools the snapshot no longer lists are gone from the county.
      await manager.query(`DELETE FROM teachers WHERE county_id = $1 AND NOT (staff_no = ANY($2::text[]))`, [
        countyId,
        snapshot.teachers.map((t) => t.id),
      ]);
      await manager.query(`DELETE FROM schools WHERE county_id = $1 AND NOT (code = ANY($2::text[]))`, [
        countyId,
        snapshot.schools.map((s) => s.code),
      ]);
      for (const table of ['districts', 'education_groups']) {
        const column = table === 'districts' ? 'district_id' : 'education_group_id';
        await manager.query(
          `DELETE FROM ${table} t WHERE county_id = $1 AND NOT EXISTS (SELECT 1 FROM schools s WHERE s.${column} = t.id)`,
          [countyId],
        );
      }

      await manager.delete(CurriculumEntryEntity, { countyId });
      for (const rows of chunks(snapshot.curriculum.map((c, i) => ({ countyId, ...c, sheetOrder: i })))) {
        await manager.insert(CurriculumEntryEntity, rows);
      }
      await this.deriveQuotasAndPosts(manager, countyId, snapshot, schoolIds);
      return {
        countyId,
        schools: snapshot.schools.length,
        teachers: snapshot.teachers.length,
        curriculum: snapshot.curriculum.length,
      };
    });
  }

  /** The county as a snapshot, with the policy of `year` (the latest year when not given). */
  async loadSnapshot(countyCode: string, year?: number): Promise<Snapshot> {
    const manager = this.dataSource.manager;
    const county = await manager.findOneBy(CountyEntity, { code: countyCode });
    if (!county) throw new CountyNotFoundError(countyCode);
    const policy = await manager.findOne(CountyPolicyEntity, {
      where: year === undefined ? { countyId: county.id } : { countyId: county.id, year },
      order: { year: 'DESC' },
    });
    if (!policy) throw new CountyNotFoundError(countyCode, year);
    const names = await this.districtAndGroupNames(manager, county.id);
    const schools = await manager.find(SchoolEntity, {
      where: { countyId: county.id },
      order: { sheetOrder: 'ASC' },
    });
    const codes = new Map(schools.map((s) => [s.id, s.code]));
    const teachers = await manager.find(TeacherEntity, {
      where: { countyId: county.id },
      order: { sheetOrder: 'ASC' },
    });
    const curriculum = await manager.find(CurriculumEntryEntity, {
      where: { countyId: county.id },
      order: { sheetOrder: 'ASC' },
    });
    return {
      county: county.name,
      policy: policy.settings,
      schools: schools.map((s) => toSchool(s, names)),
      teachers: teachers.map((t) => toTeacher(t, codes.get(t.schoolId)!)),
      curriculum: curriculum.map(toCurriculumEntry),
    };
  }

  private async lockCounty(manager: EntityManager, code: string, name: string): Promise<string> {
    await manager.query(
      `INSERT INTO counties (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = $2, updated_at = now()`,
      [code, name],
    );
    const [row] = (await manager.query(`SELECT id FROM counties WHERE code = $1 FOR UPDATE`, [code])) as {
      id: string;
    }[];
    return row.id;
  }

  /** Status and national ID on file, by staff number. */
  private async storedTeachers(
    manager: EntityManager,
    countyId: string,
  ): Promise<Map<string, { status: TeacherStatus; nationalId: string | null }>> {
    const rows = (await manager.query(
      `SELECT staff_no, status, national_id FROM teachers WHERE county_id = $1`,
      [countyId],
    )) as { staff_no: string; status: TeacherStatus; national_id: string | null }[];
    return new Map(rows.map((r) => [r.staff_no, { status: r.status, nationalId: r.national_id }]));
  }

  private async districtAndGroupNames(
    manager: EntityManager,
    countyId: string,
  ): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT id, name FROM districts WHERE county_id = $1 UNION ALL SELECT id, name FROM education_groups WHERE county_id = $1`,
      [countyId],
    )) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Basic quota and posts of the snapshot's year follow the curriculum and class counts (DOMAIN.md, 核编定岗). */
  private async deriveQuotasAndPosts(
    manager: EntityManager,
    countyId: string,
    snapshot: Snapshot,
    schoolIds: Map<string, string>,
  ): Promise<void> {
    const year = snapshot.policy.year;
    await manager.delete(StaffingQuotaEntity, { countyId, year });
    await manager.delete(PostEntity, { countyId, year });
    const quotas: Partial<StaffingQuotaEntity>[] = [];
    const posts: Partial<PostEntity>[] = [];
    for (const school of snapshot.schools) {
      const schoolId = schoolIds.get(school.code)!;
      const need = subjectNeed(school, snapshot.curriculum);
      let basic = 0;
      let basicFte = 0;
      for (const [subject, fte] of Object.entries(need) as [Subject, number][]) {
        const count = ceilFte(fte);
        posts.push({ countyId, schoolId, year, subject, count, needFte: fte });
        basic += count;
        basicFte += fte;
      }
      quotas.push({ countyId, schoolId, year, basic, basicFte });
    }
    for (const rows of chunks(quotas)) await manager.insert(StaffingQuotaEntity, rows);
    for (const rows of chunks(posts)) await manager.insert(PostEntity, rows);
  }
}

/** Thrown when a county (or its policy for a year) has never been imported. */
export class CountyNotFoundError extends Error {
  override name = 'CountyNotFoundError';

  constructor(
    readonly countyCode: string,
    readonly year?: number,
  ) {
    super(
      year === undefined
        ? `区县 ${countyCode} 尚未导入 / county ${countyCode} has not been imported`
        : `区县 ${countyCode} 没有 ${year} 年的政策 / county ${countyCode} has no policy for ${year}`,
    );
  }
}

/** On a re-import every column but the row's identity (id, county, natural key) takes the new value. */
function updatableColumns(
  manager: EntityManager,
  entity: typeof SchoolEntity | typeof TeacherEntity,
  key: string,
): string[] {
  return manager.connection
    .getMetadata(entity)
    .columns.map((column) => column.databaseName)
    .filter((name) => !['id', 'county_id', key].includes(name));
}

/** Makes sure each named district (or group) has a row; returns name → id. */
async function upsertNames(
  manager: EntityManager,
  table: 'districts' | 'education_groups',
  countyId: string,
  names: (string | undefined)[],
): Promise<Map<string, string>> {
  const distinct = [...new Set(names.filter((n): n is string => !!n))];
  if (distinct.length > 0) {
    await manager.query(
      `INSERT INTO ${table} (county_id, name) SELECT $1, unnest($2::text[]) ON CONFLICT (county_id, name) DO NOTHING`,
      [countyId, distinct],
    );
  }
  const rows = (await manager.query(`SELECT id, name FROM ${table} WHERE county_id = $1`, [countyId])) as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.name, r.id]));
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

function schoolRow(
  countyId: string,
  s: School,
  sheetOrder: number,
  districtIds: Map<string, string>,
  groupIds: Map<string, string>,
): Partial<SchoolEntity> {
  return {
    countyId,
    code: s.code,
    name: s.name,
    type: s.type,
    area: s.area,
    districtId: s.district ? districtIds.get(s.district)! : null,
    educationGroupId: s.group ? groupIds.get(s.group)! : null,
    remote: s.remote,
    pupilsPrimary: s.pupilsPrimary,
    pupilsJunior: s.pupilsJunior,
    classesPrimary: s.classesPrimary,
    classesJunior: s.classesJunior,
    lat: s.lat ?? null,
    lng: s.lng ?? null,
    sheetOrder,
  };
}

function teacherRow(
  countyId: string,
  t: Teacher,
  sheetOrder: number,
  schoolIds: Map<string, string>,
): Partial<TeacherEntity> {
  const schoolId = schoolIds.get(t.schoolCode);
  if (!schoolId) throw new Error(`teacher ${t.id}: unknown school ${t.schoolCode}`);
  return {
    countyId,
    staffNo: t.id,
    name: t.name,
    gender: t.gender ?? null,
    birthDate: t.birthDate,
    schoolId,
    subject: t.subject,
    extraSubjects: t.extraSubjects,
    title: t.title,
    backbone: t.backbone,
    degree: t.degree,
    hiredOn: t.hiredOn ?? null,
    atSchoolSince: t.atSchoolSince,
    status: t.status,
    role: t.role,
    termsAsHead: t.termsAsHead,
    preferences: t.preferences,
    nationalId: t.nationalId ?? null,
    sheetOrder,
  };
}

/** Snapshots leave blank optional values out rather than null; so does the mapping back. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function toSchool(s: SchoolEntity, names: Map<string, string>): School {
  return present({
    code: s.code,
    name: s.name,
    type: s.type,
    area: s.area,
    district: s.districtId ? names.get(s.districtId) : undefined,
    group: s.educationGroupId ? names.get(s.educationGroupId) : undefined,
    remote: s.remote,
    pupilsPrimary: s.pupilsPrimary,
    pupilsJunior: s.pupilsJunior,
    classesPrimary: s.classesPrimary,
    classesJunior: s.classesJunior,
    lat: s.lat ?? undefined,
    lng: s.lng ?? undefined,
  });
}

function toTeacher(t: TeacherEntity, schoolCode: string): Teacher {
  return present({
    id: t.staffNo,
    name: t.name,
    gender: t.gender ?? undefined,
    birthDate: t.birthDate,
    schoolCode,
    subject: t.subject,
    extraSubjects: t.extraSubjects,
    title: t.title,
    backbone: t.backbone,
    degree: t.degree,
    hiredOn: t.hiredOn ?? undefined,
    atSchoolSince: t.atSchoolSince,
    status: t.status,
    role: t.role,
    termsAsHead: t.termsAsHead,
    preferences: t.preferences,
    nationalId: t.nationalId ?? undefined,
  });
}

function toCurriculumEntry(c: CurriculumEntryEntity): CurriculumEntry {
  return {
    stage: c.stage,
    subject: c.subject,
    periodsPerClassWeek: c.periodsPerClassWeek,
    fullLoadPeriods: c.fullLoadPeriods,
  };
}
