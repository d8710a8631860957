import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, PersonAccess } from '../auth/roles.decorator';
import { ApiRoute } from '../docs/api-route.decorator';
import { CareerTimelineResource } from '../docs/career.docs';
import { ServiceProxy } from '../proxy/service-proxy';
import { UPSTREAMS, type Upstreams } from '../proxy/upstreams';
import { queryStringOf } from './query-string';
import { personIdParam } from './uuid-param.pipe';

/** The career read side: timelines computed from the events. */
@ApiTags('career')
@ApiBearerAuth()
@Controller('people/:personId')
export class GatewayPersonCareerHttpController {
  constructor(@Inject(ServiceProxy) private readonly proxy: ServiceProxy, @Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  @Get('career')
  @PersonAccess('read-career')
  @ApiRoute({
    summary: "A person's career timeline",
    description:
      'Read model: eventually consistent (normally well within a second of a write). To read your own write, pass the ETag it answered as minVersion: the answer waits until the timeline reflects it (up to a few seconds, then 503 with Retry-After). hr-admin: anyone; manager: direct reports and themselves; employee: themselves.',
    success: {
      status: 200,
      description: 'The timeline as of asOf (default today).',
      type: CareerTimelineResource,
      etag: 'The newest version of the person\'s stream this timeline reflects, quoted ("7"): once it reaches the ETag a write answered, the write is in the timeline. If-None-Match is answered 304 only with an explicit asOf.',
    },
    problems: [400, 403, 404, 503],
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: the career as it stood at the end of that day', schema: { type: 'string', format: 'date' } })
  @ApiQuery({
    name: 'minVersion',
    required: false,
    description:
      "Read-your-writes: a version of the person's stream (the ETag a write answered, unquoted). The answer waits until the timeline reflects at least that version; if it does not within the career service's wait (CAREER_READ_WAIT_MS, 5 s by default), 503 CAREER_NOT_CAUGHT_UP with Retry-After.",
    schema: { type: 'integer', minimum: 1, maximum: 2147483647 },
  })
  career(@Param('personId', personIdParam) personId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    // Without asOf the timeline runs on with the calendar (durations, stage): the same
    // version is not the same answer tomorrow, so it is never confirmed as unchanged.
    if (request.query['asOf'] === undefined) delete request.headers['if-none-match'];
    const path = `/people/${personId}/career${queryStringOf(request)}`;
    const mayWait = request.query['minVersion'] !== undefined;
    return this.proxy.forward({ baseUrl: this.upstreams.career, method: 'GET', path, principal, request, response, mayWait });
  }
}
