import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';
import { LADDER_LEVEL } from './contract-validators';

export class PromoteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The job promoted in; default: the current full-time job.' })
  @IsOptional()
  @IsUUID()
  jobId?: string;

  @ApiProperty({ example: 'Senior Engineer', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  newTitle!: string;

  @ApiProperty({ example: 4, minimum: LADDER_LEVEL.min, maximum: LADDER_LEVEL.max, description: 'Must be above the current level.' })
  @IsInt()
  @Min(LADDER_LEVEL.min)
  @Max(LADDER_LEVEL.max)
  newLevel!: number;

  @ApiProperty({ example: '2023-01-01', format: 'date', description: 'Not before the job started.' })
  @IsCalendarDate()
  effectiveDate!: string;
}
