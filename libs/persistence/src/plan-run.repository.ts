import type { Plan, Policy } from '@tr/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CountyEntity } from './entities/county.entity';
import { CountyPolicyEntity } from './entities/county-policy.entity';
import { PlanEntity, type PlanError } from './entities/plan.entity';
import { PlanMoveEntity } from './entities/plan-move.entity';
import { idsByKey } from './ids-by-key.util';

/** Rows per INSERT of moves: 14 columns, far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

export interface NewPlanRun {
  countyId: string;
  year: number;
  scenario: string;
  policyOverrides: Partial<Policy>;
  idempotencyKey?: string;
  createdBy?: string;
}

/**
 * One attempt's hold on a running plan. Every write of the attempt names it, so a worker that lost
 * the job (stalled, then picked up elsewhere) can no longer change the row.
 */
export interface PlanRunLease {
  planId: string;
  attempt: number;
  version: number;
}

export type StartOutcome =
  { started: true; lease: PlanRunLease; plan: PlanEntity } | { started: false; plan: PlanEntity | null };

export type ProgressOutcome = 'ok' | 'cancel-requested' | 'lost';

export type CancelOutcome =
  | { outcome: 'cancelled' | 'cancel-requested'; plan: PlanEntity }
  | { outcome: 'finished'; plan: PlanEntity }
  | { outcome: 'not-found' };

const OPEN = `status IN ('queued', 'running')`;

/**
 * The plan row's state machine: queued → running → succeeded | failed | cancelled, with retries
 * back to queued. Every transition is one guarded UPDATE whose row count says whether it happened;
 * TypeORM's save() is never used on a plan, because it does not check the version column.
 */
export class PlanRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(planId: string): Promise<PlanEntity | null> {
    return this.dataSource.manager.findOneBy(PlanEntity, { id: planId });
  }

  findByKey(countyId: string, idempotencyKey: string): Promise<PlanEntity | null> {
    return this.dataSource.manager.findOneBy(PlanEntity, { countyId, idempotencyKey });
  }

  /** The county's code (what the snapshot repository reads by), or undefined if it does not exist. */
  async countyCode(countyId: string): Promise<string | undefined> {
    const county = await this.dataSource.manager.findOneBy(CountyEntity, { id: countyId });
    return county?.code;
  }

  /** The county's policy for `year`, or its latest year's when `year` is not given. */
  async countyPolicy(countyId: string, year?: number): Promise<Policy | undefined> {
    const row = await this.dataSource.manager.findOne(CountyPolicyEntity, {
      where: year === undefined ? { countyId } : { countyId, year },
      order: { year: 'DESC' },
    });
    return row?.settings;
  }

  /**
   * Inserts the plan, or returns the one already made with this key. `ON CONFLICT DO NOTHING` waits
   * for a concurrent insert of the same key to commit, so racing launches all see the one row.
   */
  async createOrGet(run: NewPlanRun): Promise<{ plan: PlanEntity; created: boolean }> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(PlanEntity)
      .values({
        countyId: run.countyId,
        year: run.year,
        scenario: run.scenario,
        policyOverrides: run.policyOverrides,
        idempotencyKey: run.idempotencyKey ?? null,
        createdBy: run.createdBy ?? null,
      })
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    const insertedId = (result.raw as { id: string }[])[0]?.id;
    if (insertedId) return { plan: await this.mustFind(insertedId), created: true };
    const existing = await this.findByKey(run.countyId, run.idempotencyKey!);
    if (!existing) throw new Error(`plan with key ${run.idempotencyKey} vanished after a conflicting insert`);
    return { plan: existing, created: false };
  }

  /** Undoes a launch whose job could not be queued; a plan a worker has touched is left alone. */
  async deleteQueued(planId: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `DELETE FROM plans WHERE id = $1 AND status = 'queued' AND attempts = 0`,
      [planId],
    );
    return rowCount(result) === 1;
  }

  /** Plans that should have a job: the worker re-queues them at start-up. */
  findOpen(): Promise<PlanEntity[]> {
    return this.dataSource.manager.find(PlanEntity, {
      where: [{ status: 'queued' }, { status: 'running' }],
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Starts an attempt: counts it and takes the lease. A queued or running plan (a running one was
   * left by a worker that died) can start; a cancel requested meanwhile ends it as cancelled instead.
   */
  async start(planId: string): Promise<StartOutcome> {
    const started = (await this.dataSource.query(
      `UPDATE plans SET status = 'running', attempts = attempts + 1, started_at = now(), stage = NULL,
         progress = 0, error = NULL, version = version + 1
       WHERE id = $1 AND ${OPEN} AND NOT cancel_requested
       RETURNING attempts, version`,
      [planId],
    )) as [{ attempts: number; version: number }[], number];
    const [row] = started[0];
    if (row) {
      return {
        started: true,
        lease: { planId, attempt: row.attempts, version: row.version },
        plan: await this.mustFind(planId),
      };
    }
    await this.dataSource.query(
      `UPDATE plans SET status = 'cancelled', finished_at = now(), version = version + 1
       WHERE id = $1 AND ${OPEN} AND cancel_requested`,
      [planId],
    );
    return { started: false, plan: await this.findById(planId) };
  }

  /**
   * Records the stage and percentage. Version-checked: when someone else changed the row (a cancel
   * request), the update misses and the row is read to say why; the lease then takes the new version.
   */
  async progress(lease: PlanRunLease, stage: string, percent: number): Promise<ProgressOutcome> {
    const result = (await this.dataSource.query(
      `UPDATE plans SET stage = $4, progress = $5, version = version + 1
       WHERE id = $1 AND status = 'running' AND attempts = $2 AND version = $3 AND NOT cancel_requested
       RETURNING version`,
      [lease.planId, lease.attempt, lease.version, stage, Math.max(0, Math.min(100, Math.round(percent)))],
    )) as [{ version: number }[], number];
    const [row] = result[0];
    if (row) {
      lease.version = row.version;
      return 'ok';
    }
    return this.check(lease);
  }

  /** Whether the attempt still holds the row and whether a cancel was asked for. */
  async check(lease: PlanRunLease): Promise<ProgressOutcome> {
    const plan = await this.findById(lease.planId);
    if (!plan || plan.status !== 'running' || plan.attempts !== lease.attempt) return 'lost';
    lease.version = plan.version;
    return plan.cancelRequested ? 'cancel-requested' : 'ok';
  }

  /**
   * Stores the finished plan — header, metrics, policy and every move — in one transaction that
   * commits only while this attempt still holds a running, uncancelled row. Returns false (and writes
   * nothing) otherwise.
   */
  async saveResult(lease: PlanRunLease, countyId: string, plan: Plan): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `UPDATE plans SET status = 'succeeded', header = $3, metrics = $4, policy = $5, stage = 'saving',
           progress = 100, finished_at = now(), error = NULL, version = version + 1
         WHERE id = $1 AND status = 'running' AND attempts = $2 AND NOT cancel_requested`,
        [
          lease.planId,
          lease.attempt,
          JSON.stringify(plan.plan),
          JSON.stringify(plan.metrics),
          JSON.stringify(plan.plan.policy),
        ],
      );
      if (rowCount(updated) !== 1) return false;
      await insertMoves(manager, lease.planId, countyId, plan);
      return true;
    });
  }

  /** Ends the attempt as failed with its reason; false when the attempt no longer holds the row. */
  async fail(lease: PlanRunLease, error: PlanError): Promise<boolean> {
    return this.finishAttempt(lease, `status = 'failed', error = $3, finished_at = now()`, [
      JSON.stringify(error),
    ]);
  }

  /** Returns the plan to the queue after a failed attempt that will be retried (or a handed-back one). */
  async requeue(lease: PlanRunLease, error: PlanError | null): Promise<boolean> {
    return this.finishAttempt(lease, `status = 'queued', error = $3, stage = NULL, progress = 0`, [
      error && JSON.stringify(error),
    ]);
  }

  /** Ends the attempt as cancelled, once the solve has stopped. */
  async cancelled(lease: PlanRunLease): Promise<boolean> {
    return this.finishAttempt(lease, `status = 'cancelled', finished_at = now()`, []);
  }

  /** Fails an open plan whatever attempt holds it: BullMQ gave the job up (e.g. stalled too often). */
  async failOpen(planId: string, error: PlanError): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE plans SET status = 'failed', error = $2, finished_at = now(), version = version + 1 WHERE id = $1 AND ${OPEN}`,
      [planId, JSON.stringify(error)],
    );
    return rowCount(result) === 1;
  }

  /**
   * Asks for a cancel: a queued plan is cancelled at once, a running one is flagged for its worker
   * to stop. Finished plans are reported as such, unchanged.
   */
  async requestCancel(planId: string): Promise<CancelOutcome> {
    const result = (await this.dataSource.query(
      `UPDATE plans SET cancel_requested = true,
         status = CASE WHEN status = 'queued' THEN 'cancelled'::plan_status ELSE status END,
         finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
         version = version + 1
       WHERE id = $1 AND ${OPEN}
       RETURNING status`,
      [planId],
    )) as [{ status: string }[], number];
    const plan = await this.findById(planId);
    if (!plan) return { outcome: 'not-found' };
    const [row] = result[0];
    if (!row) return { outcome: 'finished', plan };
    return { outcome: row.status === 'cancelled' ? 'cancelled' : 'cancel-requested', plan };
  }

  private async finishAttempt(lease: PlanRunLease, set: string, params: unknown[]): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE plans SET ${set}, version = version + 1 WHERE id = $1 AND status = 'running' AND attempts = $2`,
      [lease.planId, lease.attempt, ...params],
    );
    return rowCount(result) === 1;
  }

  private async mustFind(planId: string): Promise<PlanEntity> {
    return this.dataSource.manager.findOneByOrFail(PlanEntity, { id: planId });
  }
}

/** Moves with teacher and school ids looked up by staff number and code (null if gone since). */
async function insertMoves(
  manager: EntityManager,
  planId: string,
  countyId: string,
  plan: Plan,
): Promise<void> {
  const teacherIds = await idsByKey(manager, 'teachers', 'staff_no', countyId);
  const schoolIds = await idsByKey(manager, 'schools', 'code', countyId);
  const rows: Partial<PlanMoveEntity>[] = plan.moves.map((move, position) => ({
    planId,
    position,
    teacherId: teacherIds.get(move.teacher_id) ?? null,
    staffNo: move.teacher_id,
    fromSchoolId: schoolIds.get(move.from_school) ?? null,
    toSchoolId: schoolIds.get(move.to_school) ?? null,
    fromSchoolCode: move.from_school,
    toSchoolCode: move.to_school,
    subject: move.subject,
    kind: move.kind,
    termYears: move.term_years ?? null,
    role: move.role ?? null,
    reasons: move.reasons,
    reasonsZh: move.reasons_zh,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await manager.insert(PlanMoveEntity, rows.slice(i, i + CHUNK));
}

/** pg reports affected rows of UPDATE/DELETE as the second element of TypeORM's raw result. */
function rowCount(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
