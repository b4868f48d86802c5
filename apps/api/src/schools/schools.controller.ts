import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { YearQueryDto } from '../counties/year-query.dto';
import { SchoolQueryDto } from './school.dto';
import { SchoolsService } from './schools.service';

@ApiTags('schools 学校')
@ApiBearerAuth()
@Controller()
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  /** A principal's list holds their own school only. */
  @Get('counties/:countyId/schools')
  @Roles('admin', 'county_hr', 'principal')
  list(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) countyId: string,
    @Query() query: SchoolQueryDto,
  ) {
    return this.schools.list(auth, countyId, query);
  }

  @Get('schools/:schoolId')
  @Roles('admin', 'county_hr', 'principal')
  get(@CurrentUser() auth: AuthUser, @Param('schoolId', ParseUUIDPipe) id: string) {
    return this.schools.get(auth, id);
  }

  @Get('schools/:schoolId/staffing')
  @Roles('admin', 'county_hr', 'principal')
  staffing(
    @CurrentUser() auth: AuthUser,
    @Param('schoolId', ParseUUIDPipe) id: string,
    @Query() query: YearQueryDto,
  ) {
    return this.schools.staffing(auth, id, query.year);
  }
}
