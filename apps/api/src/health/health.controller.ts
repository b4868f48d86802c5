import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PlanQueueHandle } from '@tr/jobs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { PLAN_QUEUE } from '../queue/queue.module';

/** A dependency check answers within this, up or not. */
const CHECK_TIMEOUT_MS = 2000;

type Check = 'up' | 'down';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLAN_QUEUE) private readonly planQueue: PlanQueueHandle,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis both answer; 503 otherwise, naming which is down. */
  @Get()
  @Public()
  async ready(@Res({ passthrough: true }) response: Response) {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(async () =>
        ((await this.planQueue.queue.client) as unknown as { ping(): Promise<string> }).ping(),
      ),
    ]);
    const ok = database === 'up' && redis === 'up';
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', database, redis };
  }
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
