import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { RequiredYearQueryDto } from './required-year-query.dto';
import { CreateFlexibleGrantDto, SetFlexiblePoolDto } from './flexible-quota.dto';
import { FlexibleQuotaService } from './flexible-quota.service';

@ApiTags('staffing 编制')
@ApiBearerAuth()
@Controller('counties/:countyId')
export class FlexibleQuotaController {
  constructor(private readonly quota: FlexibleQuotaService) {}

  @Get('flexible-pool')
  @Roles('admin', 'county_hr')
  get(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) countyId: string,
    @Query() query: RequiredYearQueryDto,
  ) {
    return this.quota.get(auth, countyId, query.year);
  }

  @Put('flexible-pool')
  @Roles('county_hr')
  setTotal(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) countyId: string,
    @Body() dto: SetFlexiblePoolDto,
  ) {
    return this.quota.setTotal(auth, countyId, dto);
  }

  @Post('flexible-grants')
  @Roles('county_hr')
  grant(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) countyId: string,
    @Body() dto: CreateFlexibleGrantDto,
  ) {
    return this.quota.grant(auth, countyId, dto);
  }
}
