import { Controller, Get, Logger as NestLogger, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { eventually } from '@trajectory/shared/testing';
import { Logger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import request from 'supertest';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createLoggerModule, type LoggerModuleOptions } from './logger.module';

@Controller()
class EchoController {
  private readonly logger = new NestLogger(EchoController.name);
  @Get('hello') hello() {
    this.logger.log('saying hello');
    return { ok: true };
  }
  @Get('broken') broken(): never {
    throw new Error('something inside broke');
  }
  @Get('context') context() {
    return { requestContext: storage.getStore() !== undefined };
  }
  @Get('health/live') live() {
    return { status: 'ok' };
  }
}

type LogLine = Record<string, unknown> & { msg?: string; req?: { id?: string; headers?: Record<string, string> } };

/** `lines` gets each line parsed; `raw`, when given, each line as written (parsing hides repeated keys). */
async function appWith(options: LoggerModuleOptions & { lines: LogLine[]; raw?: string[] }): Promise<NestExpressApplication> {
  const write = (line: string) => {
    options.raw?.push(line);
    options.lines.push(JSON.parse(line) as LogLine);
  };
  @Module({ imports: [createLoggerModule('test-service', { ...options, stream: { write } })], controllers: [EchoController] })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  return app.init();
}

describe('createLoggerModule', () => {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await appWith({ level: 'info', lines, raw });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    lines.splice(0);
    raw.splice(0);
  });

  it('at info, logs an unexpected error once, through the request\'s logger, naming the request once', async () => {
    await request(app.getHttpServer()).get('/broken').set('x-request-id', 'req-info-500').expect(500);
    const line = await eventually(() => {
      const found = raw.find((l) => l.includes('"msg":"unexpected error"'));
      if (found === undefined) throw new Error('no unexpected error line yet');
      return found;
    });
    expect(line.match(/"req":/g)).toHaveLength(1);
    expect(line.match(/"correlationId":/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ req: { id: 'req-info-500' }, err: { message: 'something inside broke' } });
  });

  const completed = () => {
    const line = lines.find((l) => l.msg === 'request completed');
    if (line === undefined) throw new Error('no request completed line yet');
    return line;
  };

  it('honours and echoes request and correlation ids, and logs them as JSON with the service', async () => {
    const res = await request(app.getHttpServer()).get('/hello').set('x-request-id', 'req-123').set('x-correlation-id', 'corr-456').expect(200);
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.headers['x-correlation-id']).toBe('corr-456');
    const line = await eventually(completed);
    expect(line).toMatchObject({ service: 'test-service', level: 'info', correlationId: 'corr-456', req: { id: 'req-123' } });
    const appLine = lines.find((l) => l.msg === 'saying hello');
    expect(appLine).toMatchObject({ service: 'test-service', correlationId: 'corr-456', context: 'EchoController', req: { id: 'req-123' } });
  });

  it('generates ids when none (or unsafe ones) are given; a new conversation correlates on the request id', async () => {
    const res = await request(app.getHttpServer()).get('/hello').set('x-correlation-id', 'bad id\twith spaces').expect(200);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-correlation-id']).toBe(requestId);
    expect(await eventually(completed)).toMatchObject({ correlationId: requestId, req: { id: requestId } });
  });

  it('redacts authorization and cookies', async () => {
    await request(app.getHttpServer()).get('/hello').set('authorization', 'Bearer top-secret').set('cookie', 'session=abc').expect(200);
    const line = await eventually(completed);
    expect(line.req?.headers).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(JSON.stringify(lines)).not.toContain('top-secret');
  });

  it('does not log probe traffic', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    await request(app.getHttpServer()).get('/hello').expect(200);
    await eventually(completed);
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(1);
  });

  it('is silent when LOG_LEVEL is silent', async () => {
    const quiet: LogLine[] = [];
    const silentApp = await appWith({ level: 'silent', lines: quiet });
    try {
      await request(silentApp.getHttpServer()).get('/hello').expect(200).expect('x-request-id', /.+/);
    } finally {
      await silentApp.close();
    }
    expect(quiet).toEqual([]);
  });

  it('at warn, logs server failures and leaves successful requests and client errors out', async () => {
    const warnings: LogLine[] = [];
    const warnApp = await appWith({ level: 'warn', lines: warnings });
    try {
      await request(warnApp.getHttpServer()).get('/hello').expect(200);
      await request(warnApp.getHttpServer()).get('/missing').expect(404);
      await request(warnApp.getHttpServer()).get('/broken').set('x-request-id', 'req-500').expect(500);
      const failed = await eventually(() => {
        const line = warnings.find((l) => l.msg === 'request errored');
        if (line === undefined) throw new Error('no line for the 500 yet');
        return line;
      });
      expect(failed).toMatchObject({ level: 'error', req: { id: 'req-500', method: 'GET', url: '/broken' } });
      // The error's own line, with its stack, names the same request.
      // Nest's Logger is one per process: the filter writes through the logger that the first
      // app of this suite installed, so its line is looked for in both apps' output.
      const unexpected = [...warnings, ...lines].find((l) => l.msg === 'unexpected error' && l.req?.id === 'req-500') as (LogLine & { err?: { stack?: string } }) | undefined;
      expect(unexpected).toMatchObject({ level: 'error', req: { id: 'req-500', method: 'GET', url: '/broken' }, correlationId: 'req-500' });
      expect(unexpected?.err?.stack).toContain('something inside broke');
      // Lines at warn and above name the request without its headers.
      expect(failed.req?.headers).toBeUndefined();
      expect(warnings.filter((l) => l.msg === 'request completed' || l.msg === 'request errored')).toHaveLength(1);
    } finally {
      await warnApp.close();
    }
  });

  it('at warn, still gives requests their ids but enters no per-request logging context', async () => {
    const warnApp = await appWith({ level: 'warn', lines: [] });
    try {
      const res = await request(warnApp.getHttpServer()).get('/context').set('x-request-id', 'req-ctx').expect(200);
      expect(res.headers['x-request-id']).toBe('req-ctx');
      expect(res.headers['x-correlation-id']).toBe('req-ctx');
      expect(res.body).toEqual({ requestContext: false });
      // At info the request's logger is bound to its context (app lines carry the request).
      expect((await request(app.getHttpServer()).get('/context').expect(200)).body).toEqual({ requestContext: true });
    } finally {
      await warnApp.close();
    }
  });

  it('logs client errors at info, with the other requests', async () => {
    await request(app.getHttpServer()).get('/missing').set('x-request-id', 'req-404').expect(404);
    expect(await eventually(completed)).toMatchObject({ level: 'info', req: { id: 'req-404' }, res: { statusCode: 404 } });
  });
});
