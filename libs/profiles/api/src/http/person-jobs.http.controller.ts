import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { PersonCommandsService } from '@trajectory/profiles/application';
import { Caller, type CallerContext } from '@trajectory/shared/platform';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { EndJobDto } from '../dto/end-job.dto';
import { PromoteDto } from '../dto/promote.dto';
import { StartJobDto } from '../dto/start-job.dto';
import { anyUuidParam, uuidParam, written } from './write-response';

interface JobWritten {
  personId: string;
  jobId: string;
  version: number;
}

/** Employment history of a person: jobs, their ends, promotions within them. */
@ApiTags('jobs')
@ApiHeader({ name: 'x-tenant-id', required: true })
@Controller('people/:personId')
export class PersonJobsHttpController {
  constructor(@Inject(PersonCommandsService) private readonly commands: PersonCommandsService) {}

  @Post('jobs')
  @HttpCode(201)
  async startJob(
    @Param('personId', uuidParam) personId: string,
    @Body() body: StartJobDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobWritten> {
    const jobId = body.jobId ?? randomUUID();
    const { version } = await this.commands.startJob(personId, { ...body, jobId }, caller);
    written(res, version, `/people/${personId}/jobs/${jobId}`);
    return { personId, jobId, version };
  }

  @Post('jobs/:jobId/end')
  @HttpCode(200)
  async endJob(
    @Param('personId', uuidParam) personId: string,
    @Param('jobId', anyUuidParam) jobId: string,
    @Body() body: EndJobDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobWritten> {
    // null and absent both mean "no reason given"; the event omits it.
    const data = body.reason === undefined || body.reason === null ? { jobId, endDate: body.endDate } : { jobId, endDate: body.endDate, reason: body.reason };
    const { version } = await this.commands.endJob(personId, data, caller);
    written(res, version);
    return { personId, jobId, version };
  }

  /** A promotion belongs to its job: Location names that job, whichever one was chosen. */
  @Post('promotions')
  @HttpCode(201)
  async promote(
    @Param('personId', uuidParam) personId: string,
    @Body() body: PromoteDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobWritten> {
    const { events, version } = await this.commands.promote(personId, { ...body }, caller);
    const promoted = events.find((event) => event.type === 'Promoted');
    const jobId = promoted?.type === 'Promoted' ? promoted.data.jobId : (body.jobId ?? '');
    written(res, version, `/people/${personId}/jobs/${jobId}`);
    return { personId, jobId, version };
  }
}
