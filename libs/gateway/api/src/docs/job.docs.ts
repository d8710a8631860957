import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMPLOYMENT_TYPES } from '@trajectory/contracts/profiles';

export class StartJobRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id (UUID v4); makes a retried request safe.' })
  jobId?: string;

  @ApiProperty({ example: 'Software Engineer', minLength: 1, maxLength: 200 })
  title!: string;

  @ApiProperty({ example: 'Platform Engineering', minLength: 1, maxLength: 200, description: 'Employer or org unit.' })
  employer!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES, example: 'full-time' })
  employmentType!: string;

  @ApiProperty({ example: '2021-03-01', format: 'date', description: 'Not before the hire date.' })
  startDate!: string;

  @ApiPropertyOptional({ example: 'engineering', minLength: 1, maxLength: 100, nullable: true, description: 'Professional field.' })
  field?: string | null;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 20, nullable: true, description: "Level on the tenant's career ladder; 1 is the entry level." })
  level?: number | null;
}

export class EndJobRequest {
  @ApiProperty({ example: '2023-06-30', format: 'date', description: 'Last day in the job; not before its start.' })
  endDate!: string;

  @ApiPropertyOptional({ example: 'moved to another team', maxLength: 500, nullable: true })
  reason?: string | null;
}

export class PromoteRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The job promoted in; default: the current full-time job.' })
  jobId?: string;

  @ApiProperty({ example: 'Senior Software Engineer', minLength: 1, maxLength: 200 })
  newTitle!: string;

  @ApiProperty({ example: 4, minimum: 1, maximum: 20, description: "Higher than the current job's level." })
  newLevel!: number;

  @ApiProperty({ example: '2023-01-01', format: 'date', description: 'Within the current job.' })
  effectiveDate!: string;
}

export class JobWritten {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ example: 2, description: "The person's stream version after the write; also the ETag." }) version!: number;
}
