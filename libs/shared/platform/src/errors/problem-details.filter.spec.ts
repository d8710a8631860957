import { Body, Controller, ForbiddenException, Get, Logger, Post, BadRequestException, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DomainError } from '@trajectory/shared/decider';
import { Type } from 'class-transformer';
import { IsString, MinLength, ValidateNested } from 'class-validator';
import request from 'supertest';
import { configureHttpApp } from '../http/configure-http-app';

class AddressDto {
  @IsString() city!: string;
}
class JobDto {
  @IsString() @MinLength(2) title!: string;
}
class CreateThingDto {
  @IsString() name!: string;
  @ValidateNested() @Type(() => AddressDto) address!: AddressDto;
  @ValidateNested({ each: true }) @Type(() => JobDto) jobs!: JobDto[];
}

class GoalNotSmart extends DomainError {
  readonly code = 'GOAL_NOT_SMART';
}

@Controller()
class ThrowingController {
  @Post('things') create(@Body() body: CreateThingDto) {
    return { created: body instanceof CreateThingDto, name: body.name };
  }
  @Get('rule') rule() {
    throw new GoalNotSmart('A goal needs a deadline.');
  }
  @Get('conflict') conflict() {
    throw { code: 'ALREADY_ENROLLED', kind: 'conflict', message: 'Already enrolled.' };
  }
  @Get('not-found') notFound() {
    throw { code: 'PERSON_NOT_FOUND', kind: 'not-found', message: 'No such person.' };
  }
  @Get('stale') stale() {
    throw { code: 'STALE_VERSION', kind: 'precondition', message: 'If-Match names version 2; the stream is at 3.' };
  }
  @Get('behind') behind() {
    throw { code: 'READ_MODEL_BEHIND', kind: 'unavailable', message: 'Not caught up yet.', retryAfterSeconds: 2 };
  }
  @Get('concurrency') concurrency() {
    throw Object.assign(new Error('Stream people-1 is at version 4, expected 3.'), { code: 'CONCURRENCY_CONFLICT' });
  }
  @Get('odd-kind') oddKind() {
    throw { code: 'WEIRD', kind: 'toString', message: 'internal detail' };
  }
  @Get('forbidden') forbidden() {
    throw new ForbiddenException('Analysts only.');
  }
  @Get('field-errors') fieldErrors() {
    throw new BadRequestException({ message: 'A tenant is required.', errors: [{ field: 'x-tenant-id', message: 'must be a tenant id' }] });
  }
  @Get('boom') boom() {
    throw new Error('duplicate key in table secret_salaries at /srv/app/db.ts');
  }
  @Get('string') string() {
    throw 'a bare string';
  }
}

@Module({ controllers: [ThrowingController] })
class ThrowingModule {}

describe('ProblemDetailsFilter', () => {
  let app: NestExpressApplication;
  const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ThrowingModule] }).compile();
    app = configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false }), { bodyLimit: '1kb' });
    await app.init();
  });
  afterAll(() => app.close());
  beforeEach(() => logged.mockClear());

  const valid = { name: 'n', address: { city: 'Oslo' }, jobs: [{ title: 'Engineer' }] };

  it('passes a valid, transformed body through', async () => {
    await request(app.getHttpServer()).post('/things').send(valid).expect(201, { created: true, name: 'n' });
  });

  it('answers 400 with field-level errors on nested paths', async () => {
    const res = await request(app.getHttpServer())
      .post('/things')
      .send({ name: 7, address: {}, jobs: [{ title: 'Engineer' }, { title: 'x' }], admin: true })
      .expect(400)
      .expect('content-type', /^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:trajectory:problem:validation-failed', title: 'Bad Request', status: 400, code: 'VALIDATION_FAILED', instance: '/things' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must be a string' },
        { field: 'address.city', message: 'city must be a string' },
        { field: 'jobs[1].title', message: 'title must be longer than or equal to 2 characters' },
        { field: 'admin', message: 'property admin should not exist' },
      ]),
    );
    expect(res.body.errors).toHaveLength(4);
  });

  it('answers malformed JSON with 400 and no parser internals', async () => {
    const res = await request(app.getHttpServer()).post('/things').set('content-type', 'application/json').send('{"name": secret-token').expect(400);
    expect(res.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.', errors: [] });
    expect(JSON.stringify(res.body)).not.toContain('secret-token');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await request(app.getHttpServer()).post('/things').send({ ...valid, name: 'x'.repeat(2048) }).expect(413);
    expect(res.body).toMatchObject({ status: 413, title: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE' });
  });

  it('parses suffixed JSON media types such as SCIM', async () => {
    await request(app.getHttpServer()).post('/things').set('content-type', 'application/scim+json').send(JSON.stringify(valid)).expect(201);
  });

  it.each([
    ['/rule', 422, 'GOAL_NOT_SMART', 'A goal needs a deadline.'],
    ['/conflict', 409, 'ALREADY_ENROLLED', 'Already enrolled.'],
    ['/not-found', 404, 'PERSON_NOT_FOUND', 'No such person.'],
    ['/stale', 412, 'STALE_VERSION', 'If-Match names version 2; the stream is at 3.'],
    ['/concurrency', 409, 'CONCURRENCY_CONFLICT', 'Stream people-1 is at version 4, expected 3.'],
    ['/behind', 503, 'READ_MODEL_BEHIND', 'Not caught up yet.'],
  ])('maps coded error %s to %i', async (path, status, code, detail) => {
    const res = await request(app.getHttpServer()).get(path).expect(status).expect('content-type', /problem\+json/);
    expect(res.body).toEqual({ type: `urn:trajectory:problem:${code.toLowerCase().replace(/_/g, '-')}`, title: expect.any(String), status, detail, instance: path, code });
    expect(logged).not.toHaveBeenCalled();
  });

  it('tells when to ask again for an error that is not yet possible, and only then', async () => {
    const behind = await request(app.getHttpServer()).get('/behind').expect(503);
    expect(behind.headers['retry-after']).toBe('2');
    const rule = await request(app.getHttpServer()).get('/rule').expect(422);
    expect(rule.headers['retry-after']).toBeUndefined();
  });

  it('keeps the status of Nest HTTP exceptions', async () => {
    const res = await request(app.getHttpServer()).get('/forbidden').expect(403);
    expect(res.body).toEqual({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Analysts only.', instance: '/forbidden', code: 'FORBIDDEN' });
  });

  it('keeps field errors a BadRequestException carries', async () => {
    const res = await request(app.getHttpServer()).get('/field-errors').expect(400);
    expect(res.body).toMatchObject({ detail: 'A tenant is required.', errors: [{ field: 'x-tenant-id', message: 'must be a tenant id' }] });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await request(app.getHttpServer()).get('/nowhere?x=1').expect(404).expect('content-type', /problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/nowhere' });
  });

  it.each(['/boom', '/string', '/odd-kind'])('hides %s behind a logged generic 500', async (path) => {
    const res = await request(app.getHttpServer()).get(path).expect(500);
    expect(res.body).toEqual({
      type: 'urn:trajectory:problem:internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. It has been logged.',
      instance: path,
      code: 'INTERNAL_ERROR',
    });
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('logs the stack of an unexpected error with the request it failed (its ids: see the logger module)', async () => {
    await request(app.getHttpServer()).get('/boom?x=1').expect(500);
    const [first, message] = logged.mock.calls[0] ?? [];
    expect(message).toBe('unexpected error');
    expect(first).toMatchObject({ req: { method: 'GET', url: '/boom?x=1' } });
    const { err } = first as { err: unknown };
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).stack).toContain('secret_salaries');
  });
});
