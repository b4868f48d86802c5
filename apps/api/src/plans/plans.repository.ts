import { Injectable } from '@nestjs/common';
import type { PlanMove } from '@tr/domain';
import { PlanEntity, PlanMoveEntity } from '@tr/persistence';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { offsetOf } from '../common/pagination.dto';
import { countyScope, moveScope } from '../common/scope.util';
import type { MoveQueryDto, MoveResponseDto, PlanQueryDto } from './plan.dto';

@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(auth: AuthUser, countyId: string, query: PlanQueryDto): Promise<[PlanEntity[], number]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(PlanEntity, 'p')
      .where('p.county_id = :countyId', { countyId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id')
      .skip(offsetOf(query))
      .take(query.page_size);
    if (auth.role !== 'admin') builder.andWhere('p.county_id = :scopeCounty', { scopeCounty: auth.countyId });
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.year) builder.andWhere('p.year = :year', { year: query.year });
    return builder.getManyAndCount();
  }

  /** The plan if the user's county holds it (any county for an admin). */
  async find(auth: AuthUser, id: string): Promise<PlanEntity | null> {
    const builder = this.dataSource.manager.createQueryBuilder(PlanEntity, 'p').where('p.id = :id', { id });
    if (auth.role !== 'admin') builder.andWhere('p.county_id = :scopeCounty', { scopeCounty: auth.countyId });
    return builder.getOne();
  }

  /** Every move of a plan, in plan.json order, as the domain's PlanMove. */
  async planMoves(planId: string): Promise<PlanMove[]> {
    const rows: PlanMoveEntity[] = await this.dataSource.manager.find(PlanMoveEntity, {
      where: { planId },
      order: { position: 'ASC' },
    });
    return rows.map((m) => ({
      teacher_id: m.staffNo,
      from_school: m.fromSchoolCode,
      to_school: m.toSchoolCode,
      subject: m.subject,
      kind: m.kind,
      ...(m.termYears !== null ? { term_years: m.termYears } : {}),
      reasons: m.reasons,
      reasons_zh: m.reasonsZh,
      ...(m.role ? { role: m.role } : {}),
    }));
  }

  /** A principal gets only the moves into or out of their school; the condition is in the query. */
  async moves(auth: AuthUser, planId: string, query: MoveQueryDto): Promise<[MoveResponseDto[], number]> {
    const params: unknown[] = [planId];
    const where = ['m.plan_id = $1'];
    if (query.school)
      where.push(
        `(m.from_school_code = $${params.push(query.school)} OR m.to_school_code = $${params.length})`,
      );
    if (query.subject) where.push(`m.subject = $${params.push(query.subject)}`);
    const county = countyScope(auth, 'p.county_id', params.length + 1);
    params.push(...county.params);
    where.push(county.sql);
    const move = moveScope(auth, 'm', params.length + 1);
    params.push(...move.params);
    where.push(move.sql);
    const filter = where.join(' AND ');
    const from = 'FROM plan_moves m JOIN plans p ON p.id = m.plan_id';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from} WHERE ${filter}`,
      params,
    );
    const rows = await this.dataSource.query(
      `SELECT m.id, m.position, m.staff_no AS teacher_id, m.from_school_code AS from_school, m.to_school_code AS to_school,
              m.subject, m.kind, m.term_years, m.role, m.reasons, m.reasons_zh, m.status
       ${from} WHERE ${filter} ORDER BY m.position LIMIT ${query.page_size} OFFSET ${offsetOf(query)}`,
      params,
    );
    return [rows, total];
  }
}
