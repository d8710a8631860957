import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CareerQueriesService, type CareerTimeline } from '@trajectory/career/application';
import { Caller, isCalendarDate, RequestValidationError, type CallerContext } from '@trajectory/shared/platform';

function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new RequestValidationError([{ field: 'asOf', message: 'must be a calendar date formatted YYYY-MM-DD' }]);
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
