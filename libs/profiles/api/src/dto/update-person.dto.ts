import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsStorableEmail } from './contract-validators';

/** Present only when given: null must not slip through `IsOptional` for a required field. */
const whenPresent = (field: 'givenName' | 'familyName' | 'email') => ValidateIf((body: UpdatePersonDto) => body[field] !== undefined);

/** A partial update: absent fields stay, null clears an optional one. At least one field is needed. */
export class UpdatePersonDto {
  @ApiPropertyOptional({ example: 'Ada', minLength: 1, maxLength: 200 })
  @whenPresent('givenName')
  @IsString()
  @Length(1, 200)
  givenName?: string;

  @ApiPropertyOptional({ example: 'King', minLength: 1, maxLength: 200 })
  @whenPresent('familyName')
  @IsString()
  @Length(1, 200)
  familyName?: string;

  @ApiPropertyOptional({ example: 'ada.king@example.com', format: 'email', maxLength: 320 })
  @whenPresent('email')
  @IsStorableEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'E-1042', nullable: true, minLength: 1, maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  employeeNumber?: string | null;

  @ApiPropertyOptional({ example: 'Research', nullable: true, minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  orgUnit?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The manager's person id; null: no manager." })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;
}
