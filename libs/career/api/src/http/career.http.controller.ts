import { BadRequestException, Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CareerQueriesService, type CareerTimeline } from '@trajectory/career/application';
import { Caller, type CallerContext } from '@trajectory/shared/platform';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!CALENDAR_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new BadRequestException({ message: 'asOf must be a calendar date.', errors: [{ field: 'asOf', message: 'must be a calendar date formatted YYYY-MM-DD' }] });
  }
  return value;
}

@ApiTags('career')
@ApiHeader({ name: 'x-tenant-id', required: true })
@Controller('people')
export class CareerHttpController {
  constructor(@Inject(CareerQueriesService) private readonly queries: CareerQueriesService) {}

  @Get(':personId/career')
  @ApiQuery({ name: 'asOf', required: false })
  timeline(
    @Param('personId', new ParseUUIDPipe({ version: '4' })) personId: string,
    @Query('asOf') asOf: string | undefined,
    @Caller() caller: CallerContext,
  ): Promise<CareerTimeline> {
    return this.queries.timeline(caller.tenantId, personId, parseAsOf(asOf));
  }
}
