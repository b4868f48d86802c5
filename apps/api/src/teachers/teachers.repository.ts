import { Injectable } from '@nestjs/common';
import { AuditLogEntity } from '@tr/persistence';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { WhereClause, pagedQuery } from '../common/paged-query.util';
import { schoolScope, teacherScope } from '../common/scope.util';
import type { PostingDto, RotationRecordDto, TeacherQueryDto, TeacherRow } from './teacher.dto';

const COLUMNS = `t.id, t.county_id, t.staff_no, t.name, t.school_id, s.code AS school_code, s.name AS school_name,
    t.subject, t.extra_subjects, t.title, t.backbone, t.degree, t.status, t.role,
    to_char(t.at_school_since, 'YYYY-MM-DD') AS at_school_since, t.national_id`;
const FROM = 'FROM teachers t JOIN schools s ON s.id = t.school_id';

@Injectable()
export class TeachersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listBySchool(
    auth: AuthUser,
    schoolId: string,
    query: TeacherQueryDto,
  ): Promise<[TeacherRow[], number]> {
    const where = new WhereClause().add('t.school_id = $?', schoolId);
    if (query.subject) where.add('t.subject = $?', query.subject);
    if (query.status) where.add('t.status = $?', query.status);
    where.scope((n) => schoolScope(auth, 's', n));
    return pagedQuery(
      this.dataSource,
      { columns: COLUMNS, from: FROM, orderBy: 't.sheet_order' },
      where,
      query,
    );
  }

  async find(auth: AuthUser, id: string): Promise<TeacherRow | undefined> {
    const scope = teacherScope(auth, 't', 2);
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} ${FROM} WHERE t.id = $1 AND ${scope.sql}`, [
      id,
      ...scope.params,
    ]);
    return rows[0];
  }

  /** The national ID and an audit row, in one transaction: no reveal without its record. */
  async revealNationalId(auth: AuthUser, id: string): Promise<{ nationalId: string | null } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const scope = teacherScope(auth, 't', 2);
      const rows = await manager.query(
        `SELECT t.county_id, t.national_id FROM teachers t WHERE t.id = $1 AND ${scope.sql}`,
        [id, ...scope.params],
      );
      if (rows.length === 0) return undefined;
      await manager.insert(AuditLogEntity, {
        userId: auth.id,
        countyId: rows[0].county_id,
        action: 'reveal_national_id',
        targetType: 'teacher',
        targetId: id,
      });
      return { nationalId: rows[0].national_id };
    });
  }

  postings(teacherId: string): Promise<PostingDto[]> {
    return this.dataSource.query(
      `SELECT p.id AS plan_id, p.scenario, p.year, p.status AS plan_status, m.from_school_code, m.to_school_code,
              m.subject, m.kind, m.reasons_zh, m.reasons, m.status
       FROM plan_moves m JOIN plans p ON p.id = m.plan_id
       WHERE m.teacher_id = $1 AND p.status = 'succeeded' ORDER BY p.created_at DESC`,
      [teacherId],
    );
  }

  history(teacherId: string): Promise<RotationRecordDto[]> {
    return this.dataSource.query(
      `SELECT year, from_school_code, to_school_code FROM rotation_history WHERE teacher_id = $1 ORDER BY year DESC`,
      [teacherId],
    );
  }
}
