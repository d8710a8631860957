import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@trajectory/contracts/profiles';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';
import { LADDER_LEVEL } from './contract-validators';

export class StartJobDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; makes a retried request safe.' })
  @IsOptional()
  @IsUUID('4')
  jobId?: string;

  @ApiProperty({ example: 'Software Engineer', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'Platform Engineering', description: 'Employer or org unit.', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  employer!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType!: EmploymentType;

  @ApiProperty({ example: '2021-03-01', format: 'date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiPropertyOptional({ example: 'engineering', nullable: true, description: 'Professional field of the job.', minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  field?: string | null;

  @ApiPropertyOptional({ example: 3, minimum: LADDER_LEVEL.min, maximum: LADDER_LEVEL.max, nullable: true, description: "Level on the tenant's career ladder; 1 is the entry level." })
  @IsOptional()
  @IsInt()
  @Min(LADDER_LEVEL.min)
  @Max(LADDER_LEVEL.max)
  level?: number | null;
}
