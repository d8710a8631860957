import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';
import { LADDER_LEVEL } from './contract-validators';

export class SetAspirationDto {
  @ApiProperty({ example: 'Engineering Manager', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  targetRole!: string;

  @ApiProperty({ example: 'engineering', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  field!: string;

  @ApiProperty({ example: 6, minimum: LADDER_LEVEL.min, maximum: LADDER_LEVEL.max })
  @IsInt()
  @Min(LADDER_LEVEL.min)
  @Max(LADDER_LEVEL.max)
  targetLevel!: number;

  @ApiProperty({ example: '2027-01-01', format: 'date' })
  @IsCalendarDate()
  targetDate!: string;
}
