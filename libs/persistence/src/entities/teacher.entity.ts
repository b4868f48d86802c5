import {
  BACKBONE_LEVELS,
  DEGREES,
  GENDERS,
  ROLES,
  STATUSES,
  SUBJECTS,
  TITLES,
  type BackboneLevel,
  type Degree,
  type Gender,
  type Role,
  type Subject,
  type TeacherStatus,
  type Title,
} from '@tr/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'teachers' })
@Index('teachers_county_staff_no_key', ['countyId', 'staffNo'], { unique: true })
export class TeacherEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  /** The staff number of the county's records (the snapshot's `id`). */
  @Column({ name: 'staff_no', type: 'text' })
  staffNo!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: GENDERS, enumName: 'gender', nullable: true })
  gender!: Gender | null;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ type: 'enum', enum: SUBJECTS, enumName: 'subject' })
  subject!: Subject;

  @Column({
    name: 'extra_subjects',
    type: 'enum',
    enum: SUBJECTS,
    enumName: 'subject',
    array: true,
    default: () => "'{}'",
  })
  extraSubjects!: Subject[];

  @Column({ type: 'enum', enum: TITLES, enumName: 'title', default: 'none' })
  title!: Title;

  @Column({ type: 'enum', enum: BACKBONE_LEVELS, enumName: 'backbone_level', default: 'none' })
  backbone!: BackboneLevel;

  @Column({ type: 'enum', enum: DEGREES, enumName: 'degree_class', default: 'required' })
  degree!: Degree;

  @Column({ name: 'hired_on', type: 'date', nullable: true })
  hiredOn!: string | null;

  @Column({ name: 'at_school_since', type: 'date' })
  atSchoolSince!: string;

  @Column({ type: 'enum', enum: STATUSES, enumName: 'teacher_status', default: 'active' })
  status!: TeacherStatus;

  @Column({ type: 'enum', enum: ROLES, enumName: 'teacher_role', default: 'teacher' })
  role!: Role;

  @Column({ name: 'terms_as_head', type: 'integer', default: 0 })
  termsAsHead!: number;

  /** School codes, best first. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  preferences!: string[];

  /** Personal data: never returned unmasked (see the masking helpers of the API). */
  @Column({ name: 'national_id', type: 'text', nullable: true })
  nationalId!: string | null;

  @Column({ name: 'sheet_order', type: 'integer' })
  sheetOrder!: number;
}
