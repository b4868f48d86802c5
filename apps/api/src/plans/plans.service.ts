import { Injectable, type BeforeApplicationShutdown, type MessageEvent } from '@nestjs/common';
import { PlanLauncher } from '@tr/jobs';
import type { Plan } from '@tr/domain';
import { buildPlanWorkbook, planJson } from '@tr/io';
import { SnapshotRepository, type PlanEntity } from '@tr/persistence';
import { ErrorCode } from '../common/error-code';
import { Observable, Subject, takeUntil } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api.exception';
import { pageOf, type Page } from '../common/pagination.dto';
import { CountiesService } from '../counties/counties.service';
import {
  PlanResponseDto,
  type CreatePlanDto,
  type MoveQueryDto,
  type MoveResponseDto,
  type PlanQueryDto,
} from './plan.dto';
import { PlansRepository } from './plans.repository';

/** How often the progress stream looks at the plan row; the worker writes it at about this pace. */
const STREAM_POLL_MS = 500;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

@Injectable()
export class PlansService implements BeforeApplicationShutdown {
  /** Ends every open progress stream, so a stopping server is not held open by them (clients reconnect). */
  private readonly stopping = new Subject<void>();

  constructor(
    private readonly plans: PlansRepository,
    private readonly counties: CountiesService,
    private readonly launcher: PlanLauncher,
    private readonly snapshots: SnapshotRepository,
  ) {}

  /** Enqueues a plan job; the same Idempotency-Key gives back the same plan, however often it is sent. */
  async create(
    auth: AuthUser,
    countyId: string,
    dto: CreatePlanDto,
    idempotencyKey?: string,
  ): Promise<{ plan: PlanResponseDto; created: boolean }> {
    await this.counties.get(auth, countyId);
    const { plan, created } = await this.launcher.launch({
      countyId,
      year: dto.year,
      scenario: dto.scenario,
      // DTO instances carry every declared key, the ones not sent as undefined.
      policyOverrides: Object.fromEntries(
        Object.entries(dto.policy ?? {}).filter(([, value]) => value !== undefined),
      ),
      idempotencyKey,
      createdBy: auth.id,
    });
    return { plan: PlanResponseDto.from(plan), created };
  }

  async list(auth: AuthUser, countyId: string, query: PlanQueryDto): Promise<Page<PlanResponseDto>> {
    await this.counties.get(auth, countyId);
    const [plans, total] = await this.plans.list(auth, countyId, query);
    return pageOf(
      plans.map((p) => PlanResponseDto.from(p)),
      total,
      query,
    );
  }

  async get(auth: AuthUser, id: string): Promise<PlanResponseDto> {
    return PlanResponseDto.from(await this.findPlan(auth, id), true);
  }

  async moves(auth: AuthUser, id: string, query: MoveQueryDto): Promise<Page<MoveResponseDto>> {
    await this.findPlan(auth, id);
    const [moves, total] = await this.plans.moves(auth, id, query);
    return pageOf(moves, total, query);
  }

  /** The finished plan as FORMATS.md's plan.json, or as the HR workbook with school and teacher names. */
  async export(
    auth: AuthUser,
    id: string,
    format: 'json' | 'xlsx',
  ): Promise<{ filename: string; type: string; content: Buffer }> {
    const stored = await this.findPlan(auth, id);
    if (stored.status !== 'succeeded' || !stored.header || !stored.metrics) {
      throw new ApiException(
        ErrorCode.Conflict,
        `方案尚未完成（${stored.status}），无法导出`,
        `the plan has not succeeded (${stored.status}); nothing to export`,
      );
    }
    const plan: Plan = {
      plan: stored.header,
      moves: await this.plans.planMoves(id),
      metrics: stored.metrics,
    };
    if (format === 'json')
      return {
        filename: `plan-${id}.json`,
        type: 'application/json; charset=utf-8',
        content: Buffer.from(planJson(plan)),
      };
    const county = await this.counties.get(auth, stored.countyId);
    const snapshot = await this.snapshots.loadSnapshot(county.code, stored.year);
    const workbook = buildPlanWorkbook(plan, { snapshot });
    return {
      filename: `plan-${id}.xlsx`,
      type: XLSX,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }

  async cancel(auth: AuthUser, id: string): Promise<PlanResponseDto> {
    await this.findPlan(auth, id);
    return PlanResponseDto.from(await this.launcher.cancel(id));
  }

  /** Server-sent events: the plan's status, stage and percent on each change, ending when the job ends. */
  async events(auth: AuthUser, id: string): Promise<Observable<MessageEvent>> {
    await this.findPlan(auth, id);
    const stream = new Observable<MessageEvent>((subscriber) => {
      let last = '';
      let stopped = false;
      const tick = async () => {
        if (stopped) return;
        try {
          const plan = await this.plans.find(auth, id);
          if (!plan) return subscriber.complete();
          const data = { status: plan.status, stage: plan.stage, progress: plan.progress, error: plan.error };
          const key = JSON.stringify(data);
          if (key !== last) subscriber.next({ type: 'progress', data });
          last = key;
          if (FINISHED.has(plan.status)) return subscriber.complete();
          timer = setTimeout(tick, STREAM_POLL_MS);
        } catch (error) {
          subscriber.error(error);
        }
      };
      let timer: NodeJS.Timeout | undefined = setTimeout(tick, 0);
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    });
    return stream.pipe(takeUntil(this.stopping));
  }

  beforeApplicationShutdown(): void {
    this.stopping.next();
    this.stopping.complete();
  }

  private async findPlan(auth: AuthUser, id: string): Promise<PlanEntity> {
    const plan = await this.plans.find(auth, id);
    if (!plan) throw ApiException.notFound('plan', '方案');
    return plan;
  }
}
