import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api.exception';
import { pageOf, type Page } from '../common/pagination.dto';
import { CountiesService } from '../counties/counties.service';
import type { SchoolQueryDto, SchoolResponseDto, StaffingResponseDto } from './school.dto';
import { SchoolsRepository } from './schools.repository';

@Injectable()
export class SchoolsService {
  constructor(
    private readonly schools: SchoolsRepository,
    private readonly counties: CountiesService,
  ) {}

  async list(auth: AuthUser, countyId: string, query: SchoolQueryDto): Promise<Page<SchoolResponseDto>> {
    await this.counties.get(auth, countyId);
    const [items, total] = await this.schools.list(auth, countyId, query);
    return pageOf(items, total, query);
  }

  async get(auth: AuthUser, id: string): Promise<SchoolResponseDto> {
    const school = await this.schools.find(auth, id);
    if (!school) throw ApiException.notFound('school', '学校');
    return school;
  }

  /** Basic quota, flexible grants and posts by subject (核编定岗) of the school for a year. */
  async staffing(auth: AuthUser, id: string, year?: number): Promise<StaffingResponseDto> {
    await this.get(auth, id);
    const staffing = await this.schools.staffing(id, year);
    if (!staffing) throw ApiException.notFound('staffing quota for that year', '该年度的编制');
    const flexible = staffing.grants.reduce((sum, g) => sum + g.amount, 0);
    return {
      year: staffing.quota.year,
      basic: staffing.quota.basic,
      basic_fte: staffing.quota.basic_fte,
      flexible,
      flexible_grants: staffing.grants,
      staff: staffing.staff,
      posts: staffing.posts,
    };
  }
}
