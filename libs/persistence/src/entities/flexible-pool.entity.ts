import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The county's flexible quota (机动编) for a year; grants to schools draw on it. */
@Entity({ name: 'flexible_pools' })
export class FlexiblePoolEntity {
  @PrimaryColumn({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  total!: number;
}
