import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/error-code';
import { CountiesService } from '../counties/counties.service';
import type {
  CreateFlexibleGrantDto,
  FlexiblePoolResponseDto,
  SetFlexiblePoolDto,
} from './flexible-quota.dto';
import { FlexibleQuotaRepository } from './flexible-quota.repository';

/** The county's flexible quota (机动编): a pool per year, lent to schools for training, leave and the like. */
@Injectable()
export class FlexibleQuotaService {
  constructor(
    private readonly quota: FlexibleQuotaRepository,
    private readonly counties: CountiesService,
  ) {}

  async get(auth: AuthUser, countyId: string, year: number): Promise<FlexiblePoolResponseDto> {
    await this.counties.get(auth, countyId);
    const pool = await this.quota.pool(countyId, year);
    if (!pool) throw ApiException.notFound(`flexible pool for ${year}`, `${year} 年的机动编`);
    const granted = pool.grants.reduce((sum, g) => sum + g.amount, 0);
    return { year, total: pool.total, granted, remaining: pool.total - granted, grants: pool.grants };
  }

  async setTotal(
    auth: AuthUser,
    countyId: string,
    dto: SetFlexiblePoolDto,
  ): Promise<FlexiblePoolResponseDto> {
    await this.counties.get(auth, countyId);
    const result = await this.quota.setTotal(countyId, dto.year, dto.total);
    if (!result.ok) {
      throw new ApiException(
        ErrorCode.Conflict,
        `已发放 ${result.granted} 个机动编，总量不能少于此数`,
        `${result.granted} flexible posts are already granted; the pool cannot be smaller`,
      );
    }
    return this.get(auth, countyId, dto.year);
  }

  async grant(
    auth: AuthUser,
    countyId: string,
    dto: CreateFlexibleGrantDto,
  ): Promise<FlexiblePoolResponseDto> {
    await this.counties.get(auth, countyId);
    const result = await this.quota.grant(countyId, dto);
    switch (result.outcome) {
      case 'granted':
        return this.get(auth, countyId, dto.year);
      case 'no-pool':
        throw ApiException.notFound(`flexible pool for ${dto.year}`, `${dto.year} 年的机动编`);
      case 'unknown-school':
        throw new ApiException(
          ErrorCode.ValidationFailed,
          '学校不属于该区县',
          'the school is not in this county',
          { field: 'school_id' },
        );
      case 'exceeds':
        throw new ApiException(
          ErrorCode.Conflict,
          `机动编余量只剩 ${result.remaining} 个`,
          `only ${result.remaining} flexible posts remain`,
        );
    }
  }
}
