import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const USER_ROLES = ['admin', 'county_hr', 'principal', 'teacher'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * A person who signs in. The scope columns a role needs are enforced by the `users_scope` check:
 * HR has a county, a principal a county and school, a teacher a county and teacher record.
 */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role!: UserRole;

  @Column({ name: 'county_id', type: 'uuid', nullable: true })
  countyId!: string | null;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ name: 'teacher_id', type: 'uuid', nullable: true })
  teacherId!: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
