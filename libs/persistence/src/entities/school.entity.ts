import { AREAS, SCHOOL_TYPES, type Area, type SchoolType } from '@tr/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'schools' })
@Index('schools_county_code_key', ['countyId', 'code'], { unique: true })
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: SCHOOL_TYPES, enumName: 'school_type' })
  type!: SchoolType;

  @Column({ type: 'enum', enum: AREAS, enumName: 'school_area' })
  area!: Area;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @Column({ name: 'education_group_id', type: 'uuid', nullable: true })
  educationGroupId!: string | null;

  @Column({ type: 'boolean', default: false })
  remote!: boolean;

  @Column({ name: 'pupils_primary', type: 'integer', default: 0 })
  pupilsPrimary!: number;

  @Column({ name: 'pupils_junior', type: 'integer', default: 0 })
  pupilsJunior!: number;

  @Column({ name: 'classes_primary', type: 'integer', default: 0 })
  classesPrimary!: number;

  @Column({ name: 'classes_junior', type: 'integer', default: 0 })
  classesJunior!: number;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  /** Position in the imported sheet, so an export gives the rows back in the same order. */
  @Column({ name: 'sheet_order', type: 'integer' })
  sheetOrder!: number;
}
