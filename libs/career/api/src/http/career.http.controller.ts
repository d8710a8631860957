import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { CareerQueriesService, type CareerTimeline, type PeoplePage } from '@trajectory/career/application';
import { Caller, type CallerContext } from '@trajectory/shared/platform';
import type { Response } from 'express';
import { CareerQueryDto, ListPeopleQueryDto } from './career-query.dto';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('career')
@ApiHeader({ name: 'x-tenant-id', required: true })
@Controller('people')
export class CareerHttpController {
  constructor(@Inject(CareerQueriesService) private readonly queries: CareerQueriesService) {}

  /** Registered people of the tenant, by id; `managerId` answers "who reports to this manager". */
  @Get()
  people(@Query() query: ListPeopleQueryDto, @Caller() caller: CallerContext): Promise<PeoplePage> {
    return this.queries.people(caller.tenantId, {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
      ...(query.orgUnit === undefined ? {} : { orgUnit: query.orgUnit }),
      ...(query.managerId === undefined ? {} : { managerId: query.managerId }),
    });
  }

  /** ETag: the newest version of the person's profiles stream the timeline reflects, as on the person's own reads and writes. */
  @Get(':personId/career')
  async timeline(
    @Param('personId', new ParseUUIDPipe({ version: '4' })) personId: string,
    @Query() query: CareerQueryDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareerTimeline> {
    const { timeline, version } = await this.queries.versionedTimeline(caller.tenantId, personId, query.asOf, query.minVersion);
    response.setHeader('ETag', `"${version}"`);
    return timeline;
  }
}
