import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@trajectory/shared/platform';

export const MAX_PAGE_SIZE = 200;

export class CareerQueryDto {
  @ApiPropertyOptional({ example: '2022-12-31', format: 'date', description: 'The career as it stood at the end of that day.' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    minimum: 1,
    example: 3,
    description:
      "Read-your-writes: answer only once the timeline reflects at least this version of the person's stream (the ETag a write answered), waiting for the projection if needed; 503 CAREER_NOT_CAUGHT_UP with Retry-After if it does not within the wait.",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  minVersion?: number;
}

export class ListPeopleQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ example: 'Platform Engineering' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  orgUnit?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only the manager's direct reports." })
  @IsOptional()
  @IsUUID()
  managerId?: string;
}
