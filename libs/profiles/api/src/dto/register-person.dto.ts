import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';
import { IsStorableEmail } from './contract-validators';

export class RegisterPersonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; makes a retried request safe.' })
  @IsOptional()
  @IsUUID('4')
  personId?: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  givenName!: string;

  @ApiProperty({ example: 'Lovelace', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  familyName!: string;

  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: 320 })
  @IsStorableEmail()
  email!: string;

  @ApiProperty({ example: '2020-01-06', format: 'date' })
  @IsCalendarDate()
  hireDate!: string;

  @ApiPropertyOptional({ example: 'E-1042', nullable: true, minLength: 1, maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  employeeNumber?: string | null;

  @ApiPropertyOptional({ example: 'Platform Engineering', nullable: true, minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  orgUnit?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The manager's person id." })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;
}
