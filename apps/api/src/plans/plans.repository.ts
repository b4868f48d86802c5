import { Injectable } from '@nestjs/common';
import type { PlanMove } from '@tr/domain';
import { PlanEntity, PlanMoveEntity } from '@tr/persistence';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { WhereClause, pagedQuery } from '../common/paged-query.util';
import { offsetOf } from '../common/pagination.dto';
import { countyScope, moveScope } from '../common/scope.util';
import type { MoveQueryDto, MoveResponseDto, PlanQueryDto } from './plan.dto';

const MOVE_COLUMNS = `m.id, m.position, m.staff_no AS teacher_id, m.from_school_code AS from_school, m.to_school_code AS to_school,
  m.subject, m.kind, m.term_years, m.role, m.reasons, m.reasons_zh, m.status`;

@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(auth: AuthUser, countyId: string, query: PlanQueryDto): Promise<[PlanEntity[], number]> {
    const builder = this.scopedPlans(auth)
      .andWhere('p.county_id = :countyId', { countyId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id')
      .skip(offsetOf(query))
      .take(query.page_size);
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.year) builder.andWhere('p.year = :year', { year: query.year });
    return builder.getManyAndCount();
  }

  /** The plan if the user's county holds it (any county for an admin). */
  async find(auth: AuthUser, id: string): Promise<PlanEntity | null> {
    return this.scopedPlans(auth).andWhere('p.id = :id', { id }).getOne();
  }

  /** Plans of the user's county (any county for an admin): the scope is part of the query. */
  private scopedPlans(auth: AuthUser): SelectQueryBuilder<PlanEntity> {
    const builder = this.dataSource.manager.createQueryBuilder(PlanEntity, 'p');
    return auth.role === 'admin'
      ? builder.where('TRUE')
      : builder.where('p.county_id = :scopeCounty', { scopeCounty: auth.countyId });
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
    const where = new WhereClause().add('m.plan_id = $?', planId);
    if (query.school) where.add('(m.from_school_code = $? OR m.to_school_code = $?)', query.school);
    if (query.subject) where.add('m.subject = $?', query.subject);
    where.scope((n) => countyScope(auth, 'p.county_id', n)).scope((n) => moveScope(auth, 'm', n));
    return pagedQuery(
      this.dataSource,
      {
        columns: MOVE_COLUMNS,
        from: 'FROM plan_moves m JOIN plans p ON p.id = m.plan_id',
        orderBy: 'm.position',
      },
      where,
      query,
    );
  }
}
