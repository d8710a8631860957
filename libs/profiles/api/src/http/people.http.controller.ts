import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { PersonCommandsService, PersonQueriesService, type PersonView } from '@trajectory/profiles/application';
import { Caller, etagOf, type CallerContext } from '@trajectory/shared/platform';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { OffboardPersonDto } from '../dto/offboard-person.dto';
import { RegisterPersonDto } from '../dto/register-person.dto';
import { UpdatePersonDto } from '../dto/update-person.dto';
import { uuidParam, written } from './write-response';

interface PersonWritten {
  personId: string;
  version: number;
}

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
  async register(@Body() body: RegisterPersonDto, @Caller() caller: CallerContext, @Res({ passthrough: true }) res: Response): Promise<PersonWritten> {
    const personId = body.personId ?? randomUUID();
    const { version } = await this.commands.registerPerson({ ...body, personId }, caller);
    written(res, version, `/people/${personId}`);
    return { personId, version };
  }

  @Get(':personId')
  async get(@Param('personId', uuidParam) personId: string, @Caller() caller: CallerContext, @Res({ passthrough: true }) res: Response): Promise<PersonView> {
    const person = await this.queries.getPerson(personId, caller.tenantId);
    res.setHeader('ETag', etagOf(person.version));
    return person;
  }

  @Patch(':personId')
  async update(
    @Param('personId', uuidParam) personId: string,
    @Body() body: UpdatePersonDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonWritten> {
    const { version } = await this.commands.updatePerson(personId, { ...body }, caller);
    written(res, version);
    return { personId, version };
  }

  @Post(':personId/offboard')
  @HttpCode(200)
  async offboard(
    @Param('personId', uuidParam) personId: string,
    @Body() body: OffboardPersonDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonWritten> {
    const { version } = await this.commands.offboardPerson(personId, { offboardedOn: body.offboardedOn, reason: body.reason ?? null }, caller);
    written(res, version);
    return { personId, version };
  }

  /** Erasure keeps the stream (anonymous history stays), so the ETag still names its version. */
  @Delete(':personId')
  @HttpCode(204)
  async erase(@Param('personId', uuidParam) personId: string, @Caller() caller: CallerContext, @Res({ passthrough: true }) res: Response): Promise<void> {
    const { version } = await this.commands.erasePerson(personId, caller);
    written(res, version);
  }
}
