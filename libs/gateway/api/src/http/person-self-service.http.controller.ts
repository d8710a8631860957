import { Controller, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, PersonAccess } from '../auth/roles.decorator';
import { ApiRoute, COMMAND_PROBLEMS } from '../docs/api-route.decorator';
import { PersonWritten } from '../docs/person.docs';
import { AddEducationRequest, EducationWritten, SetAspirationRequest } from '../docs/self-service.docs';
import { ServiceProxy } from '../proxy/service-proxy';
import { UPSTREAMS, type Upstreams } from '../proxy/upstreams';
import { CommandBody } from './command-body.decorator';
import { personIdParam } from './uuid-param.pipe';

/** What people record about themselves (and hr-admin for them): education and aspiration. */
@ApiTags('self-service')
@ApiBearerAuth()
@Controller('people/:personId')
export class GatewayPersonSelfServiceHttpController {
  constructor(@Inject(ServiceProxy) private readonly proxy: ServiceProxy, @Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  @Post('education')
  @HttpCode(201)
  @PersonAccess('add-education')
  @ApiRoute({
    summary: 'Add a degree, course or certification',
    description: 'hr-admin for anyone; employees and managers for themselves.',
    body: AddEducationRequest,
    success: { status: 201, description: 'Added.', type: EducationWritten, location: true, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  addEducation(@Param('personId', personIdParam) personId: string, @CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: `/people/${personId}/education`, principal, request, response, body });
  }

  @Put('aspiration')
  @HttpCode(200)
  @PersonAccess('set-aspiration')
  @ApiRoute({
    summary: 'Set the career aspiration (replaces the previous one)',
    description: 'hr-admin for anyone; employees and managers for themselves.',
    body: SetAspirationRequest,
    success: { status: 200, description: 'Set.', type: PersonWritten, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  setAspiration(@Param('personId', personIdParam) personId: string, @CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'PUT', path: `/people/${personId}/aspiration`, principal, request, response, body });
  }
}
