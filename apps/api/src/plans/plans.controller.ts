import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  Sse,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/error-code';
import { CreatePlanDto, MoveQueryDto, PlanExportQueryDto, PlanQueryDto } from './plan.dto';
import { PlansService } from './plans.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

@ApiTags('plans 方案')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  /** 202 with the new plan; 200 with the existing one when the Idempotency-Key was seen before. */
  @Post('counties/:countyId/plans')
  @Roles('county_hr')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–128 characters [A-Za-z0-9._:-]' })
  async create(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) countyId: string,
    @Body() dto: CreatePlanDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiException(
        ErrorCode.ValidationFailed,
        'Idempotency-Key 须为 8–128 位字母、数字或 ._:-',
        'Idempotency-Key must be 8–128 of A-Z a-z 0-9 . _ : -',
      );
    }
    const { plan, created } = await this.plans.create(auth, countyId, dto, idempotencyKey);
    response.status(created ? 202 : 200);
    return plan;
  }

  @Get('counties/:countyId/plans')
  @Roles('admin', 'county_hr', 'principal')
  list(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) countyId: string,
    @Query() query: PlanQueryDto,
  ) {
    return this.plans.list(auth, countyId, query);
  }

  @Get('plans/:planId')
  @Roles('admin', 'county_hr', 'principal')
  get(@CurrentUser() auth: AuthUser, @Param('planId', ParseUUIDPipe) id: string) {
    return this.plans.get(auth, id);
  }

  /** A principal sees the moves into and out of their own school only. */
  @Get('plans/:planId/moves')
  @Roles('admin', 'county_hr', 'principal')
  moves(
    @CurrentUser() auth: AuthUser,
    @Param('planId', ParseUUIDPipe) id: string,
    @Query() query: MoveQueryDto,
  ) {
    return this.plans.moves(auth, id, query);
  }

  @Sse('plans/:planId/events')
  @Roles('admin', 'county_hr', 'principal')
  events(@CurrentUser() auth: AuthUser, @Param('planId', ParseUUIDPipe) id: string) {
    return this.plans.events(auth, id);
  }

  @Get('plans/:planId/export')
  @Roles('admin', 'county_hr')
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentUser() auth: AuthUser,
    @Param('planId', ParseUUIDPipe) id: string,
    @Query() query: PlanExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.plans.export(auth, id, query.format);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.content, { type: file.type });
  }

  /** 200 with the cancelled plan; 202 when a running plan was asked to stop (its worker stops within seconds). */
  @Post('plans/:planId/cancel')
  @Roles('county_hr')
  async cancel(
    @CurrentUser() auth: AuthUser,
    @Param('planId', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const plan = await this.plans.cancel(auth, id);
    response.status(plan.status === 'cancelled' ? 200 : 202);
    return plan;
  }
}
