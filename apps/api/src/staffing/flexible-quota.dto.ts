import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FLEXIBLE_PURPOSES, type FlexiblePurpose } from '@tr/persistence';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class SetFlexiblePoolDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: 40, description: 'flexible quota (机动编) of the county for the year' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  total!: number;
}

export class CreateFlexibleGrantDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  school_id!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  amount!: number;

  @ApiProperty({ enum: FLEXIBLE_PURPOSES, description: 'what the flexible quota covers' })
  @IsIn(FLEXIBLE_PURPOSES)
  purpose!: FlexiblePurpose;

  @ApiPropertyOptional({ example: '产假顶岗' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class FlexibleGrantResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) school_id!: string;
  @ApiProperty() school_code!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: FLEXIBLE_PURPOSES }) purpose!: FlexiblePurpose;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class FlexiblePoolResponseDto {
  @ApiProperty() year!: number;
  @ApiProperty() total!: number;
  @ApiProperty() granted!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ type: [FlexibleGrantResponseDto] }) grants!: FlexibleGrantResponseDto[];
}
