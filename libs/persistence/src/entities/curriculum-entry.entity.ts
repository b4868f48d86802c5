import { STAGES, SUBJECTS, type Stage, type Subject } from '@tr/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'curriculum_entries' })
@Index('curriculum_county_stage_subject_key', ['countyId', 'stage', 'subject'], { unique: true })
export class CurriculumEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'enum', enum: STAGES, enumName: 'stage' })
  stage!: Stage;

  @Column({ type: 'enum', enum: SUBJECTS, enumName: 'subject' })
  subject!: Subject;

  @Column({ name: 'periods_per_class_week', type: 'double precision' })
  periodsPerClassWeek!: number;

  @Column({ name: 'full_load_periods', type: 'double precision' })
  fullLoadPeriods!: number;

  @Column({ name: 'sheet_order', type: 'integer' })
  sheetOrder!: number;
}
