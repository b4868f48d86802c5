import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api.exception';
import { pageOf, type Page } from '../common/pagination.dto';
import { SchoolsService } from '../schools/schools.service';
import {
  TeacherResponseDto,
  type RevealedNationalIdDto,
  type TeacherPostingsDto,
  type TeacherQueryDto,
} from './teacher.dto';
import { TeachersRepository } from './teachers.repository';

@Injectable()
export class TeachersService {
  constructor(
    private readonly teachers: TeachersRepository,
    private readonly schools: SchoolsService,
  ) {}

  async listBySchool(
    auth: AuthUser,
    schoolId: string,
    query: TeacherQueryDto,
  ): Promise<Page<TeacherResponseDto>> {
    await this.schools.get(auth, schoolId);
    const [rows, total] = await this.teachers.listBySchool(auth, schoolId, query);
    return pageOf(rows.map(TeacherResponseDto.from), total, query);
  }

  async get(auth: AuthUser, id: string): Promise<TeacherResponseDto> {
    const row = await this.teachers.find(auth, id);
    if (!row) throw ApiException.notFound('teacher', '教师');
    return TeacherResponseDto.from(row);
  }

  /** HR of the teacher's county only (the route allows no other role); every reveal is in the audit log. */
  async revealNationalId(auth: AuthUser, id: string): Promise<RevealedNationalIdDto> {
    const revealed = await this.teachers.revealNationalId(auth, id);
    if (!revealed) throw ApiException.notFound('teacher', '教师');
    return { teacher_id: id, national_id: revealed.nationalId };
  }

  async postings(auth: AuthUser, id: string): Promise<TeacherPostingsDto> {
    await this.get(auth, id);
    const [postings, history] = await Promise.all([this.teachers.postings(id), this.teachers.history(id)]);
    return { postings, history };
  }
}
