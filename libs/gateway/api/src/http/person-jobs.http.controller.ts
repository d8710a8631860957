import { Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, PersonAccess } from '../auth/roles.decorator';
import { ApiRoute, COMMAND_PROBLEMS } from '../docs/api-route.decorator';
import { EndJobRequest, JobWritten, PromoteRequest, StartJobRequest } from '../docs/job.docs';
import { ServiceProxy } from '../proxy/service-proxy';
import { UPSTREAMS, type Upstreams } from '../proxy/upstreams';
import { CommandBody } from './command-body.decorator';
import { jobIdParam, personIdParam } from './uuid-param.pipe';

/** Employment history, which HR records: jobs, their ends and promotions. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('people/:personId')
export class GatewayPersonJobsHttpController {
  constructor(@Inject(ServiceProxy) private readonly proxy: ServiceProxy, @Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  @Post('jobs')
  @HttpCode(201)
  @PersonAccess('start-job')
  @ApiRoute({
    summary: 'Start a job (hr-admin)',
    description: 'Refused (422) before the hire date, after offboarding, or overlapping another full-time job.',
    body: StartJobRequest,
    success: { status: 201, description: 'Started.', type: JobWritten, location: true, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  startJob(@Param('personId', personIdParam) personId: string, @CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: `/people/${personId}/jobs`, principal, request, response, body });
  }

  @Post('jobs/:jobId/end')
  @HttpCode(200)
  @PersonAccess('end-job')
  @ApiRoute({
    summary: 'End a job (hr-admin)',
    description: 'Refused (422) before the job started or when it has ended already.',
    body: EndJobRequest,
    success: { status: 200, description: 'Ended.', type: JobWritten, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  endJob(
    @Param('personId', personIdParam) personId: string,
    @Param('jobId', jobIdParam) jobId: string,
    @CommandBody() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const path = `/people/${personId}/jobs/${jobId}/end`;
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path, principal, request, response, body });
  }

  @Post('promotions')
  @HttpCode(201)
  @PersonAccess('promote')
  @ApiRoute({
    summary: 'Promote within the current job (hr-admin)',
    description: 'Needs a current job and a higher level than it has (422 otherwise).',
    body: PromoteRequest,
    success: { status: 201, description: 'Promoted; Location names the job.', type: JobWritten, location: true, etag: true },
    problems: COMMAND_PROBLEMS,
    ifMatch: true,
  })
  promote(@Param('personId', personIdParam) personId: string, @CommandBody() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response) {
    return this.proxy.forward({ baseUrl: this.upstreams.profiles, method: 'POST', path: `/people/${personId}/promotions`, principal, request, response, body });
  }
}
