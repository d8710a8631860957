import { Controller, Delete, ForbiddenException, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, PersonAccess, Roles } from '../auth/roles.decorator';
import { PeoplePageResource } from '../docs/career.docs';
import { ApiRoute, COMMAND_PROBLEMS } from '../docs/api-route.decorator';
import { OffboardPersonRequest, PersonWritten, RegisterPersonRequest, UpdatePersonRequest } from '../docs/person.docs';
import { PersonResource } from '../docs/person-resource.docs';
import { ServiceProxy } from '../proxy/service-proxy';
import { UPSTREAMS, type Upstreams } from '../proxy/upstreams';
import { CommandBody } from './command-body.decorator';
import { queryStringOf } from './query-string';
import { personIdParam } from './uuid-param.pipe';

/** Managers list their direct reports: the filter is theirs whatever the client asks. */
function managerQuery(principal: Principal, request: Request): string {
  if (principal.personId === undefined) throw new ForbiddenException('A manager token needs a personId claim to list direct reports.');
  const query = new URLSearchParams(queryStringOf(request));
  query.set('managerId', principal.personId);
  return `?${query.toString()}`;
}

/** People: registration, the person as recorded, org data, exit and erasure (profiles), and the list (career). */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class GatewayPeopleHttpController {
  constructor(@Inject(ServiceProxy) private readonly proxy: ServiceProxy, @Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @Roles('hr-admin')
  @ApiRoute({
    summary: 'Register a person',
    body: RegisterPersonRequest,
    success: { status: 201, description: 'Registered.', type: PersonWritten, location: true, etag: true },
    problems: [400, 403, 409, 413, 415, 422],
  })
  register(@CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: '/people', principal, request, response, body });
  }

  @Get()
  @Roles('hr-admin', 'manager')
  @ApiRoute({
    summary: 'List people, a page at a time',
    description: 'hr-admin: everyone in the tenant. manager: their direct reports only (the managerId filter is always their own). Read model: eventually consistent.',
    success: { status: 200, description: 'One page.', type: PeoplePageResource },
    problems: [400, 403],
  })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'orgUnit', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'managerId', required: false, schema: { type: 'string', format: 'uuid' } })
  list(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    const query = principal.roles.includes('hr-admin') ? queryStringOf(request) : managerQuery(principal, request);
    return this.proxy.forward({ baseUrl: this.upstreams.career, method: 'GET', path: `/people${query}`, principal, request, response });
  }

  @Get(':personId')
  @PersonAccess('read')
  @ApiRoute({
    summary: 'Read a person as recorded',
    description: 'Consistent with the last write. hr-admin: anyone; manager: direct reports and themselves; employee: themselves.',
    success: { status: 200, description: 'The person.', type: PersonResource, etag: true },
    problems: [400, 403, 404],
  })
  get(@Param('personId', personIdParam) personId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'GET', path: `/people/${personId}`, principal, request, response });
  }

  @Patch(':personId')
  @PersonAccess('update')
  @ApiRoute({
    summary: "Change a person's name, email or place in the organisation (hr-admin)",
    description: 'Only the fields sent change; null clears an optional one.',
    body: UpdatePersonRequest,
    success: { status: 200, description: 'Updated.', type: PersonWritten, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  update(@Param('personId', personIdParam) personId: string, @CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'PATCH', path: `/people/${personId}`, principal, request, response, body });
  }

  @Post(':personId/offboard')
  @HttpCode(200)
  @PersonAccess('offboard')
  @ApiRoute({
    summary: 'Offboard a person (hr-admin)',
    description: 'Their history stays; open jobs end on the last working day; no new jobs start.',
    body: OffboardPersonRequest,
    success: { status: 200, description: 'Offboarded.', type: PersonWritten, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  offboard(@Param('personId', personIdParam) personId: string, @CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: `/people/${personId}/offboard`, principal, request, response, body });
  }

  @Delete(':personId')
  @PersonAccess('erase')
  @ApiRoute({
    summary: "Erase a person's personal data (hr-admin)",
    description: 'Crypto-shreds names and email everywhere; counts and anonymous history stay.',
    success: { status: 204, description: 'Erased; the ETag names the version that erased them.', etag: true },
    problems: [400, 403, 404, 409, 412],
    ifMatch: true,
  })
  erase(@Param('personId', personIdParam) personId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'DELETE', path: `/people/${personId}`, principal, request, response });
  }
}
