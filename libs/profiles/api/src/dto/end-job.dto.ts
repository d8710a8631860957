import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';

export class EndJobDto {
  @ApiProperty({ example: '2023-06-30', format: 'date', description: 'Last day in the job.' })
  @IsCalendarDate()
  endDate!: string;

  @ApiPropertyOptional({ example: 'promoted', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
