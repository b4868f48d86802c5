import type { PlanHeader, PlanMetricsSnapshot, Policy } from '@tr/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PLAN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanError {
  code: string;
  message: string;
  message_zh: string;
}

/** A plan run of one county and year: its job state while it runs, its header and metrics once it has. */
@Entity({ name: 'plans' })
@Index('plans_county_idempotency_key', ['countyId', 'idempotencyKey'], { unique: true })
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  scenario!: string;

  @Column({ type: 'enum', enum: PLAN_STATUSES, enumName: 'plan_status', default: 'queued' })
  status!: PlanStatus;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'policy_overrides', type: 'jsonb', default: {} })
  policyOverrides!: Partial<Policy>;

  /** The policy the optimizer ran with: the county's for the year with the overrides applied. */
  @Column({ type: 'jsonb', nullable: true })
  policy!: Policy | null;

  @Column({ type: 'text', nullable: true })
  stage!: string | null;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'cancel_requested', type: 'boolean', default: false })
  cancelRequested!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  error!: PlanError | null;

  @Column({ type: 'jsonb', nullable: true })
  header!: PlanHeader | null;

  @Column({ type: 'jsonb', nullable: true })
  metrics!: { before: PlanMetricsSnapshot; after: PlanMetricsSnapshot } | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Checked by hand in every status update (`WHERE version = $n`); TypeORM's save() does not guard it. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
