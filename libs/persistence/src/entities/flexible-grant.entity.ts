import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const FLEXIBLE_PURPOSES = ['training', 'maternity', 'sick_leave', 'rural_support', 'other'] as const;
export type FlexiblePurpose = (typeof FLEXIBLE_PURPOSES)[number];

/** Flexible quota lent to one school for a purpose (cover for training, maternity leave …). */
@Entity({ name: 'flexible_grants' })
export class FlexibleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'enum', enum: FLEXIBLE_PURPOSES, enumName: 'flexible_purpose' })
  purpose!: FlexiblePurpose;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
