import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREAS, SCHOOL_TYPES, SUBJECTS, type Area, type SchoolType, type Subject } from '@tr/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto';

export class SchoolQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AREAS })
  @IsOptional()
  @IsIn(AREAS)
  area?: Area;

  @ApiPropertyOptional({ enum: SCHOOL_TYPES })
  @IsOptional()
  @IsIn(SCHOOL_TYPES)
  type?: SchoolType;

  @ApiPropertyOptional({ description: 'district name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  district?: string;

  @ApiPropertyOptional({ description: 'part of the code or name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class SchoolResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) county_id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SCHOOL_TYPES }) type!: SchoolType;
  @ApiProperty({ enum: AREAS }) area!: Area;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty({ nullable: true, type: String }) education_group!: string | null;
  @ApiProperty() remote!: boolean;
  @ApiProperty() pupils_primary!: number;
  @ApiProperty() pupils_junior!: number;
  @ApiProperty() classes_primary!: number;
  @ApiProperty() classes_junior!: number;
  @ApiProperty() teachers!: number;
}

export class PostResponseDto {
  @ApiProperty({ enum: SUBJECTS }) subject!: Subject;
  @ApiProperty({ description: 'posts: the need rounded up' }) count!: number;
  @ApiProperty({ description: 'need in full-time equivalents' }) need_fte!: number;
  @ApiProperty({ description: 'teachers whose main subject it is' }) filled!: number;
}

export class FlexibleGrantDto {
  @ApiProperty() amount!: number;
  @ApiProperty() purpose!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class StaffingResponseDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'basic quota (基本编)' }) basic!: number;
  @ApiProperty() basic_fte!: number;
  @ApiProperty({ description: 'flexible quota granted (机动编)' }) flexible!: number;
  @ApiProperty({ type: [FlexibleGrantDto] }) flexible_grants!: FlexibleGrantDto[];
  @ApiProperty() staff!: number;
  @ApiProperty({ type: [PostResponseDto] }) posts!: PostResponseDto[];
}
