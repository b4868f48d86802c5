import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BACKBONE_LEVELS, ROLES, STATUSES, SUBJECTS, type Subject, type TeacherStatus } from '@tr/domain';
import { maskNationalId } from '@tr/io';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto';

export class TeacherQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUBJECTS })
  @IsOptional()
  @IsIn(SUBJECTS)
  subject?: Subject;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: TeacherStatus;
}

export interface TeacherRow {
  id: string;
  county_id: string;
  staff_no: string;
  name: string;
  school_id: string;
  school_code: string;
  school_name: string;
  subject: Subject;
  extra_subjects: Subject[];
  title: string;
  backbone: string;
  degree: string;
  status: TeacherStatus;
  role: string;
  at_school_since: string;
  national_id: string | null;
}

export class TeacherResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) county_id!: string;
  @ApiProperty({ description: 'staff number (the snapshot id)' }) staff_no!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) school_id!: string;
  @ApiProperty() school_code!: string;
  @ApiProperty() school_name!: string;
  @ApiProperty({ enum: SUBJECTS }) subject!: Subject;
  @ApiProperty({ enum: SUBJECTS, isArray: true }) extra_subjects!: Subject[];
  @ApiProperty() title!: string;
  @ApiProperty({ enum: BACKBONE_LEVELS }) backbone!: string;
  @ApiProperty() degree!: string;
  @ApiProperty({ enum: STATUSES }) status!: TeacherStatus;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ format: 'date' }) at_school_since!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '410185********123X',
    description: 'always masked: first 6 and last 4 characters',
  })
  national_id_masked!: string | null;

  static from(row: TeacherRow): TeacherResponseDto {
    const { national_id, ...rest } = row;
    return { ...rest, national_id_masked: national_id ? maskNationalId(national_id) : null };
  }
}

export class RevealedNationalIdDto {
  @ApiProperty({ format: 'uuid' }) teacher_id!: string;
  @ApiProperty({ nullable: true, type: String }) national_id!: string | null;
}

export class PostingDto {
  @ApiProperty({ format: 'uuid' }) plan_id!: string;
  @ApiProperty() scenario!: string;
  @ApiProperty() year!: number;
  @ApiProperty() plan_status!: string;
  @ApiProperty() from_school_code!: string;
  @ApiProperty() to_school_code!: string;
  @ApiProperty({ enum: SUBJECTS }) subject!: Subject;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: [String] }) reasons_zh!: string[];
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty() status!: string;
}

export class RotationRecordDto {
  @ApiProperty() year!: number;
  @ApiProperty() from_school_code!: string;
  @ApiProperty() to_school_code!: string;
}

export class TeacherPostingsDto {
  @ApiProperty({ type: [PostingDto], description: 'moves proposed for the teacher in finished plans' })
  postings!: PostingDto[];

  @ApiProperty({ type: [RotationRecordDto] })
  history!: RotationRecordDto[];
}
