import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { PersonCommandsService, PersonQueriesService, type PersonView } from '@trajectory/profiles/application';
import { Caller, etagOf, type CallerContext } from '@trajectory/shared/platform';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { EndJobDto } from '../dto/end-job.dto';
import { RegisterPersonDto } from '../dto/register-person.dto';
import { StartJobDto } from '../dto/start-job.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Internal command API of the profiles service; the gateway is its only caller. */
@ApiTags('people')
@ApiHeader({ name: 'x-tenant-id', required: true })
@Controller('people')
export class PeopleHttpController {
  constructor(
    @Inject(PersonCommandsService) private readonly commands: PersonCommandsService,
    @Inject(PersonQueriesService) private readonly queries: PersonQueriesService,
  ) {}

  @Post()
  @HttpCode(201)
  async register(@Body() body: RegisterPersonDto, @Caller() caller: CallerContext, @Res({ passthrough: true }) res: Response) {
    const personId = body.personId ?? randomUUID();
    const { version } = await this.commands.registerPerson({ ...body, personId }, caller);
    res.setHeader('Location', `/people/${personId}`).setHeader('ETag', etagOf(version));
    return { personId, version };
  }

  @Get(':personId')
  async get(@Param('personId', uuid) personId: string, @Caller() caller: CallerContext, @Res({ passthrough: true }) res: Response): Promise<PersonView> {
    const person = await this.queries.getPerson(personId, caller.tenantId);
    res.setHeader('ETag', etagOf(person.version));
    return person;
  }

  @Post(':personId/jobs')
  @HttpCode(201)
  async startJob(
    @Param('personId', uuid) personId: string,
    @Body() body: StartJobDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const jobId = body.jobId ?? randomUUID();
    const { version } = await this.commands.startJob(personId, { ...body, jobId }, caller);
    res.setHeader('Location', `/people/${personId}/jobs/${jobId}`).setHeader('ETag', etagOf(version));
    return { personId, jobId, version };
  }

  @Post(':personId/jobs/:jobId/end')
  @HttpCode(200)
  async endJob(
    @Param('personId', uuid) personId: string,
    @Param('jobId', uuid) jobId: string,
    @Body() body: EndJobDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = body.reason === undefined ? { jobId, endDate: body.endDate } : { jobId, endDate: body.endDate, reason: body.reason };
    const { version } = await this.commands.endJob(personId, data, caller);
    res.setHeader('ETag', etagOf(version));
    return { personId, jobId, version };
  }
}
