import { Injectable, type MessageEvent } from '@nestjs/common';
import { PlanLauncher } from '@tr/jobs';
import type { PlanEntity } from '@tr/persistence';
import { Observable } from 'rxjs';
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
const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly counties: CountiesService,
    private readonly launcher: PlanLauncher,
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

  async cancel(auth: AuthUser, id: string): Promise<PlanResponseDto> {
    await this.findPlan(auth, id);
    return PlanResponseDto.from(await this.launcher.cancel(id));
  }

  /** Server-sent events: the plan's status, stage and percent on each change, ending when the job ends. */
  async events(auth: AuthUser, id: string): Promise<Observable<MessageEvent>> {
    await this.findPlan(auth, id);
    return new Observable<MessageEvent>((subscriber) => {
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
  }

  private async findPlan(auth: AuthUser, id: string): Promise<PlanEntity> {
    const plan = await this.plans.find(auth, id);
    if (!plan) throw ApiException.notFound('plan', '方案');
    return plan;
  }
}
