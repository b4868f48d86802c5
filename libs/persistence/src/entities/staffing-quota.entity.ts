import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A school's basic quota (基本编) for a year, derived from pupils, classes and the curriculum. */
@Entity({ name: 'staffing_quotas' })
@Index('staffing_quotas_school_year_key', ['schoolId', 'year'], { unique: true })
export class StaffingQuotaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ type: 'integer' })
  year!: number;

  /** Whole posts: the sum over subjects of the need rounded up. */
  @Column({ type: 'integer' })
  basic!: number;

  /** The need itself in full-time equivalents, before rounding. */
  @Column({ name: 'basic_fte', type: 'double precision' })
  basicFte!: number;
}
