import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EDUCATION_KINDS } from '@trajectory/contracts/profiles';

export class AddEducationRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id (UUID v4); makes a retried request safe.' })
  educationId?: string;

  @ApiProperty({ enum: EDUCATION_KINDS, example: 'degree' })
  kind!: string;

  @ApiProperty({ example: 'MSc Computer Science', minLength: 1, maxLength: 200 })
  title!: string;

  @ApiProperty({ example: 'computer science', minLength: 1, maxLength: 100 })
  field!: string;

  @ApiProperty({ example: 'University of London', minLength: 1, maxLength: 200 })
  institution!: string;

  @ApiProperty({ example: '2019-07-15', format: 'date' })
  completedOn!: string;
}

export class SetAspirationRequest {
  @ApiProperty({ example: 'Engineering Manager', minLength: 1, maxLength: 200 })
  targetRole!: string;

  @ApiProperty({ example: 'engineering', minLength: 1, maxLength: 100 })
  field!: string;

  @ApiProperty({ example: 6, minimum: 1, maximum: 20 })
  targetLevel!: number;

  @ApiProperty({ example: '2027-01-01', format: 'date' })
  targetDate!: string;
}

export class EducationWritten {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid' }) educationId!: string;
  @ApiProperty({ example: 5 }) version!: number;
}
