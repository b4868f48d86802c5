import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateCountyDto {
  @ApiProperty({ example: '410185', description: '行政区划代码 / administrative division code' })
  @Matches(/^[0-9]{6}$/, { message: '区县代码为 6 位数字 / code must be 6 digits' })
  code!: string;

  @ApiProperty({ example: '登封市' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class CountyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'years with a policy', type: [Number] })
  years!: number[];
}

/** A value the import took but that looks wrong (libs/domain data-warnings.ts). */
export class DataWarningDto {
  @ApiProperty({ enum: ['schools', 'teachers', 'curriculum'] })
  sheet!: string;

  @ApiProperty({ description: '学校代码、教师工号或学段 / school code, teacher id or stage' })
  key!: string;

  @ApiProperty()
  column!: string;

  @ApiProperty()
  value!: string;

  @ApiProperty()
  message_zh!: string;

  @ApiProperty()
  message!: string;
}

export class ImportResponseDto {
  @ApiProperty()
  schools!: number;

  @ApiProperty()
  teachers!: number;

  @ApiProperty()
  curriculum!: number;

  @ApiProperty()
  year!: number;

  @ApiProperty({
    type: [DataWarningDto],
    description:
      '导入了但看来有误的值 / values imported that look wrong (dates after the reference date, stages without curriculum…)',
  })
  warnings!: DataWarningDto[];
}
