import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'not_found' })
  code!: string;

  @ApiProperty({ example: '找不到学校' })
  message_zh!: string;

  @ApiProperty({ example: 'school not found' })
  message!: string;

  @ApiPropertyOptional({ description: 'Field errors, or the rows of a rejected import' })
  details?: unknown;

  @ApiProperty({ example: '5f0c…' })
  request_id!: string;
}

/** The one error body every endpoint answers with. */
export class ErrorBodyDto {
  @ApiProperty({ example: 404 })
  status!: number;

  @ApiProperty({ type: ErrorDetailDto })
  error!: ErrorDetailDto;
}
