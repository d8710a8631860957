import { ApiProperty } from '@nestjs/swagger';
import { EDUCATION_KINDS, EMPLOYMENT_TYPES } from '@trajectory/contracts/profiles';

// The person as the profiles service answers GET /people/:id (read from their stream).

export class PromotionResource {
  @ApiProperty({ example: 'Senior Engineer' }) newTitle!: string;
  @ApiProperty({ example: 4 }) newLevel!: number;
  @ApiProperty({ example: 3 }) previousLevel!: number;
  @ApiProperty({ example: '2023-01-01', format: 'date' }) effectiveDate!: string;
}

export class PersonJobResource {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ example: 'Software Engineer', description: 'The title the job started with.' }) title!: string;
  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'The level the job started at.' }) level!: number | null;
  @ApiProperty({ example: 'Senior Engineer', description: 'After promotions.' }) currentTitle!: string;
  @ApiProperty({ example: 4, nullable: true, type: Number, description: 'After promotions.' }) currentLevel!: number | null;
  @ApiProperty({ example: 'Platform Engineering' }) employer!: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES, example: 'full-time' }) employmentType!: string;
  @ApiProperty({ example: 'engineering', nullable: true, type: String }) field!: string | null;
  @ApiProperty({ example: '2021-03-01', format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) endReason!: string | null;
  @ApiProperty({ type: [PromotionResource] }) promotions!: PromotionResource[];
}

export class EducationResource {
  @ApiProperty({ format: 'uuid' }) educationId!: string;
  @ApiProperty({ enum: EDUCATION_KINDS, example: 'degree' }) kind!: string;
  @ApiProperty({ example: 'MSc Computer Science' }) title!: string;
  @ApiProperty({ example: 'computer science' }) field!: string;
  @ApiProperty({ example: 'University of London' }) institution!: string;
  @ApiProperty({ example: '2019-07-15', format: 'date' }) completedOn!: string;
}

export class AspirationResource {
  @ApiProperty({ example: 'Engineering Manager' }) targetRole!: string;
  @ApiProperty({ example: 'engineering' }) field!: string;
  @ApiProperty({ example: 6 }) targetLevel!: number;
  @ApiProperty({ example: '2027-01-01', format: 'date' }) targetDate!: string;
}

export class PersonResource {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: ['active', 'offboarded', 'erased'], example: 'active' }) status!: string;
  @ApiProperty({ example: 'Ada', nullable: true, type: String, description: 'null once erased.' }) givenName!: string | null;
  @ApiProperty({ example: 'Lovelace', nullable: true, type: String, description: 'null once erased.' }) familyName!: string | null;
  @ApiProperty({ example: 'ada@example.com', nullable: true, type: String, description: 'null once erased.' }) email!: string | null;
  @ApiProperty({ example: 'E-1042', nullable: true, type: String }) employeeNumber!: string | null;
  @ApiProperty({ example: 'Platform Engineering', nullable: true, type: String }) orgUnit!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) managerId!: string | null;
  @ApiProperty({ example: '2020-01-06', format: 'date' }) hireDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) offboardedOn!: string | null;
  @ApiProperty({ type: [PersonJobResource] }) jobs!: PersonJobResource[];
  @ApiProperty({ type: [EducationResource] }) education!: EducationResource[];
  @ApiProperty({ type: AspirationResource, nullable: true }) aspiration!: AspirationResource | null;
  @ApiProperty({ example: 4, description: 'Stream version; also the ETag.' }) version!: number;
}
