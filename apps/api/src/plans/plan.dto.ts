import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEFAULT_POLICY,
  POLICY_LIMITS,
  SUBJECTS,
  type Policy,
  type PolicyKey,
  type Subject,
} from '@tr/domain';
import { PLAN_STATUSES, type PlanEntity, type PlanStatus } from '@tr/persistence';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto';

/** One overridable policy key: optional, a number (an integer where the policy says so) inside the key's range. */
function PolicyOverride(key: Exclude<PolicyKey, 'year'>) {
  const { min, max, integer } = POLICY_LIMITS[key];
  return applyDecorators(
    ApiPropertyOptional({
      minimum: min,
      maximum: max,
      type: integer ? 'integer' : 'number',
      example: DEFAULT_POLICY[key],
    }),
    IsOptional(),
    integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );
}

/**
 * Policy keys a plan may override (FORMATS.md names). Rules that span keys (min ≤ max rate) are
 * checked on the merged policy when the plan is launched.
 */
export class PolicyOverridesDto {
  @PolicyOverride('min_rotation_rate') min_rotation_rate?: number;
  @PolicyOverride('max_rotation_rate') max_rotation_rate?: number;
  @PolicyOverride('min_backbone_share') min_backbone_share?: number;
  @PolicyOverride('min_years_at_school') min_years_at_school?: number;
  @PolicyOverride('retirement_age_male') retirement_age_male?: number;
  @PolicyOverride('retirement_age_female') retirement_age_female?: number;
  @PolicyOverride('exempt_years_before_retirement') exempt_years_before_retirement?: number;
  @PolicyOverride('rotation_term_years') rotation_term_years?: number;
  @PolicyOverride('head_max_terms') head_max_terms?: number;
  @PolicyOverride('max_distance_km') max_distance_km?: number;
  @PolicyOverride('weight_shortage') weight_shortage?: number;
  @PolicyOverride('weight_rural') weight_rural?: number;
  @PolicyOverride('weight_remote') weight_remote?: number;
  @PolicyOverride('weight_scarce_subject') weight_scarce_subject?: number;
  @PolicyOverride('weight_balance') weight_balance?: number;
  @PolicyOverride('weight_preference') weight_preference?: number;
  @PolicyOverride('weight_distance_km') weight_distance_km?: number;
  @PolicyOverride('candidate_schools') candidate_schools?: number;
}

export class CreatePlanDto {
  @ApiProperty({ example: '2026 秋季交流', description: 'scenario name' })
  @IsString()
  @Length(1, 200)
  scenario!: string;

  @ApiPropertyOptional({ example: 2026, description: "the county's latest policy year when left out" })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ type: PolicyOverridesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyOverridesDto)
  policy?: PolicyOverridesDto;
}

export class PlanQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;
}

export class MoveQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'moves out of or into this school code' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  school?: string;

  @ApiPropertyOptional({ enum: SUBJECTS })
  @IsOptional()
  @IsIn(SUBJECTS)
  subject?: Subject;
}

export class PlanErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message_zh!: string;
  @ApiProperty() message!: string;
}

export class PlanResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) county_id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() scenario!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty({ nullable: true, type: String, example: 'solving' }) stage!: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'a cancel was asked for while the plan ran' }) cancel_requested!: boolean;
  @ApiProperty({ type: Object }) policy_overrides!: Partial<Policy>;
  @ApiProperty({ nullable: true, type: PlanErrorDto }) error!: PlanErrorDto | null;
  @ApiProperty({ nullable: true, type: Object, description: 'plan.json "plan" header once succeeded' })
  header!: unknown;
  @ApiPropertyOptional({ type: Object, description: 'plan.json "metrics" (detail only)' }) metrics?: unknown;
  @ApiProperty() created_at!: Date;
  @ApiProperty({ nullable: true, type: Date }) started_at!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finished_at!: Date | null;

  static from(plan: PlanEntity, withMetrics = false): PlanResponseDto {
    return {
      id: plan.id,
      county_id: plan.countyId,
      year: plan.year,
      scenario: plan.scenario,
      status: plan.status,
      stage: plan.stage,
      progress: plan.progress,
      attempts: plan.attempts,
      cancel_requested: plan.cancelRequested,
      policy_overrides: plan.policyOverrides,
      error: plan.error,
      header: plan.header,
      ...(withMetrics ? { metrics: plan.metrics } : {}),
      created_at: plan.createdAt,
      started_at: plan.startedAt,
      finished_at: plan.finishedAt,
    };
  }
}

export class MoveResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'staff number' }) teacher_id!: string;
  @ApiProperty() from_school!: string;
  @ApiProperty() to_school!: string;
  @ApiProperty({ enum: SUBJECTS }) subject!: Subject;
  @ApiProperty() kind!: string;
  @ApiProperty({ nullable: true, type: Number }) term_years!: number | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: [String] }) reasons_zh!: string[];
  @ApiProperty() status!: string;
}

export class PlanExportQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'xlsx'],
    default: 'json',
    description: 'plan.json (FORMATS.md) or the HR workbook',
  })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format: 'json' | 'xlsx' = 'json';
}
