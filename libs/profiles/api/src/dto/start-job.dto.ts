import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@trajectory/contracts/profiles';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';

export class StartJobDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; makes a retried request safe.' })
  @IsOptional()
  @IsUUID('4')
  jobId?: string;

  @ApiProperty({ example: 'Software Engineer' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'Platform Engineering', description: 'Employer or org unit.' })
  @IsString()
  @Length(1, 200)
  employer!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType!: EmploymentType;

  @ApiProperty({ example: '2021-03-01', format: 'date' })
  @IsCalendarDate()
  startDate!: string;
}
