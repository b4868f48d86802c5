import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '@tr/persistence';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/error-code';
import { offsetOf, pageOf, type Page, type PageQueryDto } from '../common/pagination.dto';
import { UserResponseDto, type CreateUserDto } from './user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** An admin creates anyone; county HR creates principals and teachers of their own county only. */
  async create(auth: AuthUser, dto: CreateUserDto): Promise<UserResponseDto> {
    if (auth.role === 'county_hr' && !(dto.role === 'principal' || dto.role === 'teacher'))
      throw ApiException.forbidden();
    const countyId = auth.role === 'county_hr' ? auth.countyId! : (dto.county_id ?? null);
    if (auth.role === 'county_hr' && dto.county_id && dto.county_id !== auth.countyId)
      throw ApiException.forbidden();
    await this.checkScope(dto, countyId);
    if (await this.users.findByUsername(dto.username)) {
      throw new ApiException(
        ErrorCode.Conflict,
        `用户名 ${dto.username} 已存在`,
        `username ${dto.username} is taken`,
      );
    }
    const user = await this.users.create({
      username: dto.username,
      passwordHash: await hashPassword(dto.password),
      role: dto.role,
      displayName: dto.display_name,
      countyId: dto.role === 'admin' ? null : countyId,
      schoolId: dto.role === 'principal' ? dto.school_id! : null,
      teacherId: dto.role === 'teacher' ? dto.teacher_id! : null,
    });
    return UserResponseDto.from(user);
  }

  async list(auth: AuthUser, query: PageQueryDto): Promise<Page<UserResponseDto>> {
    const [users, total] = await this.users.list(
      auth.role === 'admin' ? null : auth.countyId,
      offsetOf(query),
      query.page_size,
    );
    return pageOf(users.map(UserResponseDto.from), total, query);
  }

  /** The scope a role needs must be given and must lie inside the county. */
  private async checkScope(dto: CreateUserDto, countyId: string | null): Promise<void> {
    const invalid = (zh: string, en: string) => new ApiException(ErrorCode.ValidationFailed, zh, en);
    if (dto.role === 'admin') {
      if (dto.county_id || dto.school_id || dto.teacher_id)
        throw invalid('管理员不属于任何区县', 'an admin belongs to no county');
      return;
    }
    if (!countyId || !(await this.users.countyExists(countyId)))
      throw invalid('须指定存在的区县', 'county_id must name an existing county');
    if (
      dto.role === 'principal' &&
      !(dto.school_id && (await this.users.schoolInCounty(dto.school_id, countyId)))
    ) {
      throw invalid('校长账号须指定本区县的学校', 'a principal needs a school_id of the county');
    }
    if (
      dto.role === 'teacher' &&
      !(dto.teacher_id && (await this.users.teacherInCounty(dto.teacher_id, countyId)))
    ) {
      throw invalid('教师账号须指定本区县的教师', 'a teacher account needs a teacher_id of the county');
    }
    if (dto.role !== 'principal' && dto.school_id)
      throw invalid('只有校长账号有 school_id', 'only a principal has a school_id');
    if (dto.role !== 'teacher' && dto.teacher_id)
      throw invalid('只有教师账号有 teacher_id', 'only a teacher account has a teacher_id');
  }
}
