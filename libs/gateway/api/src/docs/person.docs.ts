import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Documentation only: the profiles service validates bodies (and refuses unknown fields);
// these classes tell clients what it accepts and answers.

export class RegisterPersonRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id (UUID v4); makes a retried request safe.' })
  personId?: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 200 })
  givenName!: string;

  @ApiProperty({ example: 'Lovelace', minLength: 1, maxLength: 200 })
  familyName!: string;

  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: 320 })
  email!: string;

  @ApiProperty({ example: '2020-01-06', format: 'date', description: 'First day with the organisation.' })
  hireDate!: string;

  @ApiPropertyOptional({ example: 'E-1042', minLength: 1, maxLength: 64, nullable: true })
  employeeNumber?: string | null;

  @ApiPropertyOptional({ example: 'Platform Engineering', minLength: 1, maxLength: 200, nullable: true })
  orgUnit?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The manager's person id (same tenant)." })
  managerId?: string | null;
}

export class UpdatePersonRequest {
  @ApiPropertyOptional({ example: 'Ada', minLength: 1, maxLength: 200 })
  givenName?: string;

  @ApiPropertyOptional({ example: 'King', minLength: 1, maxLength: 200 })
  familyName?: string;

  @ApiPropertyOptional({ example: 'ada.king@example.com', format: 'email', maxLength: 320 })
  email?: string;

  @ApiPropertyOptional({ example: 'E-1042', minLength: 1, maxLength: 64, nullable: true, description: 'null clears it.' })
  employeeNumber?: string | null;

  @ApiPropertyOptional({ example: 'Analytical Engines', minLength: 1, maxLength: 200, nullable: true, description: 'null clears it.' })
  orgUnit?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The new manager's person id; null clears it." })
  managerId?: string | null;
}

export class OffboardPersonRequest {
  @ApiProperty({ example: '2024-06-28', format: 'date', description: 'Last working day; jobs still open end on it.' })
  offboardedOn!: string;

  @ApiPropertyOptional({ example: 'resigned', minLength: 1, maxLength: 500, nullable: true })
  reason?: string | null;
}

export class PersonWritten {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ example: 1, description: "The person's stream version after the write; also the ETag." })
  version!: number;
}
