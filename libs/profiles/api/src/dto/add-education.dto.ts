import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EDUCATION_KINDS, type EducationKind } from '@trajectory/contracts/profiles';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';

export class AddEducationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; makes a retried request safe.' })
  @IsOptional()
  @IsUUID('4')
  educationId?: string;

  @ApiProperty({ enum: EDUCATION_KINDS })
  @IsIn(EDUCATION_KINDS)
  kind!: EducationKind;

  @ApiProperty({ example: 'MSc Computer Science', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'computer science', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  field!: string;

  @ApiProperty({ example: 'University of London', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  institution!: string;

  @ApiProperty({ example: '2014-06-30', format: 'date' })
  @IsCalendarDate()
  completedOn!: string;
}
