import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';

export class RegisterPersonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; makes a retried request safe.' })
  @IsOptional()
  @IsUUID('4')
  personId?: string;

  @ApiProperty({ example: 'Ada' })
  @IsString()
  @Length(1, 200)
  givenName!: string;

  @ApiProperty({ example: 'Lovelace' })
  @IsString()
  @Length(1, 200)
  familyName!: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: '2020-01-06', format: 'date' })
  @IsCalendarDate()
  hireDate!: string;

  @ApiPropertyOptional({ example: 'E-1042', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  employeeNumber?: string | null;

  @ApiPropertyOptional({ example: 'Platform Engineering', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  orgUnit?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The manager's person id." })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;
}
