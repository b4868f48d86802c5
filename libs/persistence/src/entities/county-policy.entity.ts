import type { Policy } from '@tr/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A county's policy for one school year, every key of FORMATS.md and the product's weights. */
@Entity({ name: 'county_policies' })
@Index('county_policies_county_year_key', ['countyId', 'year'], { unique: true })
export class CountyPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'jsonb' })
  settings!: Policy;
}
