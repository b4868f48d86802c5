import { Injectable } from '@nestjs/common';
import { UserEntity, type UserRole } from '@tr/persistence';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';

export interface NewUser {
  username: string;
  passwordHash: string;
  role: UserRole;
  displayName: string;
  countyId: string | null;
  schoolId: string | null;
  teacherId: string | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAuthUser(id: string): Promise<AuthUser | null> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id });
    return user ? toAuthUser(user) : null;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { username });
  }

  async create(user: NewUser): Promise<UserEntity> {
    return this.dataSource.manager.save(UserEntity, this.dataSource.manager.create(UserEntity, user));
  }

  /** Users the caller may see: all for an admin, their county's for HR. */
  async list(scopeCountyId: string | null, offset: number, limit: number): Promise<[UserEntity[], number]> {
    return this.dataSource.manager.findAndCount(UserEntity, {
      where: scopeCountyId ? { countyId: scopeCountyId } : {},
      order: { username: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  /** Whether the school, or the teacher, belongs to the county — checked in the query. */
  async schoolInCounty(schoolId: string, countyId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM schools WHERE id = $1 AND county_id = $2`, [
      schoolId,
      countyId,
    ]);
    return rows.length > 0;
  }

  async teacherInCounty(teacherId: string, countyId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM teachers WHERE id = $1 AND county_id = $2`, [
      teacherId,
      countyId,
    ]);
    return rows.length > 0;
  }

  async countyExists(countyId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM counties WHERE id = $1`, [countyId]);
    return rows.length > 0;
  }
}

export function toAuthUser(user: UserEntity): AuthUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    countyId: user.countyId,
    schoolId: user.schoolId,
    teacherId: user.teacherId,
  };
}
