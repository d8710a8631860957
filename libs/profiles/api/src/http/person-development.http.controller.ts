import { Body, Controller, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { PersonCommandsService } from '@trajectory/profiles/application';
import { Caller, type CallerContext } from '@trajectory/shared/platform';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AddEducationDto } from '../dto/add-education.dto';
import { SetAspirationDto } from '../dto/set-aspiration.dto';
import { uuidParam, written } from './write-response';

/** What a person learned and where they want to go: education and career aspiration. */
@ApiTags('development')
@ApiHeader({ name: 'x-tenant-id', required: true })
@Controller('people/:personId')
export class PersonDevelopmentHttpController {
  constructor(@Inject(PersonCommandsService) private readonly commands: PersonCommandsService) {}

  @Post('education')
  @HttpCode(201)
  async addEducation(
    @Param('personId', uuidParam) personId: string,
    @Body() body: AddEducationDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ personId: string; educationId: string; version: number }> {
    const educationId = body.educationId ?? randomUUID();
    const { version } = await this.commands.addEducation(personId, { ...body, educationId }, caller);
    written(res, version, `/people/${personId}/education/${educationId}`);
    return { personId, educationId, version };
  }

  @Put('aspiration')
  @HttpCode(200)
  async setAspiration(
    @Param('personId', uuidParam) personId: string,
    @Body() body: SetAspirationDto,
    @Caller() caller: CallerContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ personId: string; version: number }> {
    const { version } = await this.commands.setAspiration(personId, { ...body }, caller);
    written(res, version);
    return { personId, version };
  }
}
