import { ROLES, SUBJECTS, type Role, type Subject } from '@tr/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MOVE_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

/** One move of a plan. Codes are kept beside the ids so a plan still reads after a re-import. */
@Entity({ name: 'plan_moves' })
@Index('plan_moves_plan_staff_no_key', ['planId', 'staffNo'], { unique: true })
export class PlanMoveEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  /** Order in plan.json. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'teacher_id', type: 'uuid', nullable: true })
  teacherId!: string | null;

  @Column({ name: 'staff_no', type: 'text' })
  staffNo!: string;

  @Column({ name: 'from_school_id', type: 'uuid', nullable: true })
  fromSchoolId!: string | null;

  @Column({ name: 'to_school_id', type: 'uuid', nullable: true })
  toSchoolId!: string | null;

  @Column({ name: 'from_school_code', type: 'text' })
  fromSchoolCode!: string;

  @Column({ name: 'to_school_code', type: 'text' })
  toSchoolCode!: string;

  @Column({ type: 'enum', enum: SUBJECTS, enumName: 'subject' })
  subject!: Subject;

  @Column({ type: 'enum', enum: ['rotation', 'allocation'], enumName: 'move_kind' })
  kind!: 'rotation' | 'allocation';

  @Column({ name: 'term_years', type: 'integer', nullable: true })
  termYears!: number | null;

  @Column({ type: 'enum', enum: ROLES, enumName: 'teacher_role', nullable: true })
  role!: Exclude<Role, 'teacher'> | null;

  @Column({ type: 'text', array: true })
  reasons!: string[];

  @Column({ name: 'reasons_zh', type: 'text', array: true })
  reasonsZh!: string[];

  @Column({ type: 'enum', enum: MOVE_STATUSES, enumName: 'move_status', default: 'proposed' })
  status!: MoveStatus;
}
