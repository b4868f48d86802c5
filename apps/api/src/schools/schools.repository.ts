import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { WhereClause, pagedQuery } from '../common/paged-query.util';
import { schoolScope } from '../common/scope.util';
import type { FlexibleGrantDto, PostResponseDto, SchoolQueryDto, SchoolResponseDto } from './school.dto';

const COLUMNS = `s.id, s.county_id, s.code, s.name, s.type, s.area, d.name AS district, g.name AS education_group,
    s.remote, s.pupils_primary, s.pupils_junior, s.classes_primary, s.classes_junior,
    (SELECT count(*)::int FROM teachers t WHERE t.school_id = s.id) AS teachers`;
const FROM = `FROM schools s
  LEFT JOIN districts d ON d.id = s.district_id
  LEFT JOIN education_groups g ON g.id = s.education_group_id`;

@Injectable()
export class SchoolsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    auth: AuthUser,
    countyId: string,
    query: SchoolQueryDto,
  ): Promise<[SchoolResponseDto[], number]> {
    const where = new WhereClause().add('s.county_id = $?', countyId);
    if (query.area) where.add('s.area = $?', query.area);
    if (query.type) where.add('s.type = $?', query.type);
    if (query.district) where.add('d.name = $?', query.district);
    if (query.q) where.add('(s.code ILIKE $? OR s.name ILIKE $?)', `%${escapeLike(query.q)}%`);
    where.scope((n) => schoolScope(auth, 's', n));
    return pagedQuery(
      this.dataSource,
      { columns: COLUMNS, from: FROM, orderBy: 's.sheet_order' },
      where,
      query,
    );
  }

  async find(auth: AuthUser, id: string): Promise<SchoolResponseDto | undefined> {
    const scope = schoolScope(auth, 's', 2);
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1 AND ${scope.sql}`, [
      id,
      ...scope.params,
    ]);
    return rows[0];
  }

  async staffing(schoolId: string, year: number | undefined) {
    const [quota] = await this.dataSource.query(
      `SELECT year, basic, basic_fte FROM staffing_quotas WHERE school_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year DESC LIMIT 1`,
      [schoolId, year ?? null],
    );
    if (!quota) return undefined;
    const posts: PostResponseDto[] = await this.dataSource.query(
      `SELECT p.subject, p.count, p.need_fte, (SELECT count(*)::int FROM teachers t WHERE t.school_id = p.school_id AND t.subject = p.subject) AS filled
       FROM posts p WHERE p.school_id = $1 AND p.year = $2 ORDER BY p.subject`,
      [schoolId, quota.year],
    );
    const grants: FlexibleGrantDto[] = await this.dataSource.query(
      `SELECT amount, purpose, note FROM flexible_grants WHERE school_id = $1 AND year = $2 ORDER BY created_at`,
      [schoolId, quota.year],
    );
    const [{ staff }] = await this.dataSource.query(
      `SELECT count(*)::int AS staff FROM teachers WHERE school_id = $1`,
      [schoolId],
    );
    return {
      quota: quota as { year: number; basic: number; basic_fte: number },
      posts,
      grants,
      staff: staff as number,
    };
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
