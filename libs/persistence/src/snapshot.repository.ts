import type { CurriculumEntry, School, Snapshot, Teacher } from '@tr/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CountyEntity } from './entities/county.entity';
import { CountyPolicyEntity } from './entities/county-policy.entity';
import { CurriculumEntryEntity } from './entities/curriculum-entry.entity';
import { SchoolEntity } from './entities/school.entity';
import { TeacherEntity } from './entities/teacher.entity';

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
   * Replaces the county's schools, teachers and curriculum and sets its policy for the snapshot's year,
   * all or nothing. The county row is locked first so two imports of one county queue up.
   */
  async importSnapshot(countyCode: string, snapshot: Snapshot): Promise<ImportSummary> {
    return this.dataSource.transaction(async (manager) => {
      const countyId = await this.lockCounty(manager, countyCode, snapshot.county);
      await manager.delete(TeacherEntity, { countyId });
      await manager.delete(SchoolEntity, { countyId });
      await manager.delete(CurriculumEntryEntity, { countyId });
      await manager.upsert(CountyPolicyEntity, { countyId, year: snapshot.policy.year, settings: snapshot.policy }, ['countyId', 'year']);

      const schoolIds = new Map<string, string>();
      for (const rows of chunks(snapshot.schools.map((s, i) => schoolRow(countyId, s, i)))) {
        const result = await manager.insert(SchoolEntity, rows);
        rows.forEach((row, i) => schoolIds.set(row.code!, result.identifiers[i].id as string));
      }
      for (const rows of chunks(snapshot.teachers.map((t, i) => teacherRow(countyId, t, i, schoolIds)))) {
        await manager.insert(TeacherEntity, rows);
      }
      for (const rows of chunks(snapshot.curriculum.map((c, i) => ({ countyId, ...c, sheetOrder: i })))) {
        await manager.insert(CurriculumEntryEntity, rows);
      }
      return { countyId, schools: snapshot.schools.length, teachers: snapshot.teachers.length, curriculum: snapshot.curriculum.length };
    });
  }

  /** The county as a snapshot, with the policy of `year` (the latest year when not given). */
  async loadSnapshot(countyCode: string, year?: number): Promise<Snapshot> {
    const manager = this.dataSource.manager;
    const county = await manager.findOneByOrFail(CountyEntity, { code: countyCode });
    const policy = await manager.findOneOrFail(CountyPolicyEntity, {
      where: year === undefined ? { countyId: county.id } : { countyId: county.id, year },
      order: { year: 'DESC' },
    });
    const schools = await manager.find(SchoolEntity, { where: { countyId: county.id }, order: { sheetOrder: 'ASC' } });
    const codes = new Map(schools.map((s) => [s.id, s.code]));
    const teachers = await manager.find(TeacherEntity, { where: { countyId: county.id }, order: { sheetOrder: 'ASC' } });
    const curriculum = await manager.find(CurriculumEntryEntity, { where: { countyId: county.id }, order: { sheetOrder: 'ASC' } });
    return {
      county: county.name,
      policy: policy.settings,
      schools: schools.map(toSchool),
      teachers: teachers.map((t) => toTeacher(t, codes.get(t.schoolId)!)),
      curriculum: curriculum.map(toCurriculumEntry),
    };
  }

  private async lockCounty(manager: EntityManager, code: string, name: string): Promise<string> {
    await manager.query(`INSERT INTO counties (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = $2, updated_at = now()`, [code, name]);
    const [row] = (await manager.query(`SELECT id FROM counties WHERE code = $1 FOR UPDATE`, [code])) as { id: string }[];
    return row.id;
  }
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

function schoolRow(countyId: string, s: School, sheetOrder: number): Partial<SchoolEntity> {
  return {
    countyId,
    code: s.code,
    name: s.name,
    type: s.type,
    area: s.area,
    district: s.district ?? null,
    group: s.group ?? null,
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

function teacherRow(countyId: string, t: Teacher, sheetOrder: number, schoolIds: Map<string, string>): Partial<TeacherEntity> {
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

function toSchool(s: SchoolEntity): School {
  return present({
    code: s.code,
    name: s.name,
    type: s.type,
    area: s.area,
    district: s.district ?? undefined,
    group: s.group ?? undefined,
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
  return { stage: c.stage, subject: c.subject, periodsPerClassWeek: c.periodsPerClassWeek, fullLoadPeriods: c.fullLoadPeriods };
}
