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

export class ImportResponseDto {
  @ApiProperty()
  schools!: number;

  @ApiProperty()
  teachers!: number;

  @ApiProperty()
  curriculum!: number;

  @ApiProperty()
  year!: number;
}
