import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A district (片区/学区) of a county; schools point at it. */
@Entity({ name: 'districts' })
@Index('districts_county_name_key', ['countyId', 'name'], { unique: true })
export class DistrictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'text' })
  name!: string;
}
