import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An education group (教育集团) of a county; schools point at it. */
@Entity({ name: 'education_groups' })
@Index('education_groups_county_name_key', ['countyId', 'name'], { unique: true })
export class EducationGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'text' })
  name!: string;
}
