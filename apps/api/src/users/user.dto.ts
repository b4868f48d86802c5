import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, type UserEntity, type UserRole } from '@tr/persistence';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'hr.dengfeng' })
  @Matches(/^[a-z0-9._-]{3,64}$/, {
    message: '用户名为 3–64 位小写字母、数字或 ._- / username: 3–64 of a-z 0-9 . _ -',
  })
  username!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @Length(10, 200, { message: '密码至少 10 位 / the password needs at least 10 characters' })
  password!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiProperty({ example: '人事科 王老师' })
  @IsString()
  @Length(1, 100)
  display_name!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  county_id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'principal only' })
  @IsOptional()
  @IsUUID()
  school_id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'teacher only' })
  @IsOptional()
  @IsUUID()
  teacher_id?: string;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty({ enum: USER_ROLES })
  role!: UserRole;

  @ApiProperty()
  display_name!: string;

  @ApiProperty({ nullable: true, type: String })
  county_id!: string | null;

  @ApiProperty({ nullable: true, type: String })
  school_id!: string | null;

  @ApiProperty({ nullable: true, type: String })
  teacher_id!: string | null;

  static from(user: UserEntity): UserResponseDto {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      display_name: user.displayName,
      county_id: user.countyId,
      school_id: user.schoolId,
      teacher_id: user.teacherId,
    };
  }
}
