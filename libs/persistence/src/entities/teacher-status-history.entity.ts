import { STATUSES, type TeacherStatus } from '@tr/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Each status a teacher has had, recorded when an import first shows it. */
@Entity({ name: 'teacher_status_history' })
export class TeacherStatusHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId!: string;

  @Column({ type: 'enum', enum: STATUSES, enumName: 'teacher_status' })
  status!: TeacherStatus;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
