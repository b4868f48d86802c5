import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A rotation a teacher made, from an approved plan; one a year at most. */
@Entity({ name: 'rotation_history' })
@Index('rotation_history_teacher_year_key', ['teacherId', 'year'], { unique: true })
export class RotationHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'from_school_code', type: 'text' })
  fromSchoolCode!: string;

  @Column({ name: 'to_school_code', type: 'text' })
  toSchoolCode!: string;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
