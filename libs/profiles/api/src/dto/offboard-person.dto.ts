import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';

export class OffboardPersonDto {
  @ApiProperty({ example: '2024-06-30', format: 'date', description: 'Last working day; jobs still open end on it.' })
  @IsCalendarDate()
  offboardedOn!: string;

  @ApiPropertyOptional({ example: 'resigned', nullable: true, minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string | null;
}
