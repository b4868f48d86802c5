import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { TeacherQueryDto } from './teacher.dto';
import { TeachersService } from './teachers.service';

@ApiTags('teachers 教师')
@ApiBearerAuth()
@Controller()
export class TeachersController {
  constructor(private readonly teachers: TeachersService) {}

  @Get('schools/:schoolId/teachers')
  @Roles('admin', 'county_hr', 'principal')
  list(
    @CurrentUser() auth: AuthUser,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: TeacherQueryDto,
  ) {
    return this.teachers.listBySchool(auth, schoolId, query);
  }

  @Get('teachers/:teacherId')
  @Roles('admin', 'county_hr', 'principal', 'teacher')
  get(@CurrentUser() auth: AuthUser, @Param('teacherId', ParseUUIDPipe) id: string) {
    return this.teachers.get(auth, id);
  }

  @Get('teachers/:teacherId/postings')
  @Roles('admin', 'county_hr', 'principal', 'teacher')
  postings(@CurrentUser() auth: AuthUser, @Param('teacherId', ParseUUIDPipe) id: string) {
    return this.teachers.postings(auth, id);
  }

  @Post('teachers/:teacherId/national-id/reveal')
  @HttpCode(200)
  @Roles('county_hr')
  reveal(@CurrentUser() auth: AuthUser, @Param('teacherId', ParseUUIDPipe) id: string) {
    return this.teachers.revealNationalId(auth, id);
  }
}
