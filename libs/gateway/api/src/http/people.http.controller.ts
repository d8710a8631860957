import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceProxy } from '../proxy/service-proxy';
import { UPSTREAMS, type Upstreams } from '../proxy/upstreams';

const uuid = new ParseUUIDPipe({ version: '4' });
/**
 * Employees see only their own person; a record they may not see is answered like one
 * that does not exist, so ids cannot be probed. Managers' direct reports come later.
 */
function assertMayRead(principal: Principal, personId: string): void {
  const privileged = principal.roles.some((role) => role === 'hr-admin' || role === 'manager');
  if (!privileged && principal.personId !== personId) throw new NotFoundException('No such person.');
}

const bodySchema = { type: 'object', additionalProperties: true } as const;

/** The public people API. Bodies are validated by the owning service, which knows its rules. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class GatewayPeopleHttpController {
  constructor(@Inject(ServiceProxy) private readonly proxy: ServiceProxy, @Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @Roles('hr-admin')
  @ApiOperation({ summary: 'Register a person', description: 'Body: givenName, familyName, email, hireDate (YYYY-MM-DD), optional personId.' })
  @ApiBody({ schema: bodySchema })
  register(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: '/people', principal, request, response, body });
  }

  @Get(':personId')
  @Roles('hr-admin', 'manager', 'employee')
  @ApiOperation({ summary: 'Read a person as recorded (consistent with the last write)' })
  get(@Param('personId', uuid) personId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    assertMayRead(principal, personId);
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'GET', path: `/people/${personId}`, principal, request, response });
  }

  @Post(':personId/jobs')
  @HttpCode(201)
  @Roles('hr-admin')
  @ApiOperation({ summary: 'Start a job', description: 'Body: title, employer, employmentType, startDate, optional jobId.' })
  @ApiBody({ schema: bodySchema })
  startJob(@Param('personId', uuid) personId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: `/people/${personId}/jobs`, principal, request, response, body });
  }

  @Post(':personId/jobs/:jobId/end')
  @HttpCode(200)
  @Roles('hr-admin')
  @ApiOperation({ summary: 'End a job', description: 'Body: endDate, optional reason.' })
  @ApiBody({ schema: bodySchema })
  endJob(
    @Param('personId', uuid) personId: string,
    @Param('jobId', uuid) jobId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const path = `/people/${personId}/jobs/${jobId}/end`;
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path, principal, request, response, body });
  }

  @Get(':personId/career')
  @Roles('hr-admin', 'manager', 'employee')
  @ApiOperation({ summary: "A person's career timeline (read model; eventually consistent)" })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: the career as it stood that day' })
  career(
    @Param('personId', uuid) personId: string,
    @Query('asOf') asOf: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    assertMayRead(principal, personId);
    const query = asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`;
    return this.proxy.forward({ baseUrl: this.upstreams.career, method: 'GET', path: `/people/${personId}/career${query}`, principal, request, response });
  }
}
