import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IsString } from 'class-validator';
import request from 'supertest';
import { HealthModule } from '../health/health.module';
import { createLoggerModule } from '../logging/logger.module';
import { MetricsModule } from '../metrics/metrics.module';
import { bootstrapHttpService } from './bootstrap-http-service';

type LogLine = { msg?: string; service?: string; context?: string };

class EchoDto {
  @IsString() text!: string;
}

@Controller('echo')
class EchoController {
  @Get() echo() {
    return { ok: true };
  }
  @Post() post(@Body() body: EchoDto) {
    return body;
  }
}

describe('bootstrapHttpService', () => {
  const lines: LogLine[] = [];
  let app: NestExpressApplication;
  let signalListenersBefore: number;

  beforeAll(async () => {
    signalListenersBefore = process.listenerCount('SIGTERM');
    @Module({
      imports: [
        createLoggerModule('bootstrap-test', { level: 'info', stream: { write: (l: string) => void lines.push(JSON.parse(l) as LogLine) } }),
        HealthModule.forRoot({ checks: [] }),
        MetricsModule,
      ],
      controllers: [EchoController],
    })
    class AppModule {}
    app = await bootstrapHttpService(AppModule, { serviceName: 'bootstrap-test', port: 0, host: '127.0.0.1', bodyLimit: '1kb' });
  });
  afterAll(() => app.close());

  it('listens on the given host and logs its URL as JSON', async () => {
    const url = await app.getUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines).toContainEqual(expect.objectContaining({ service: 'bootstrap-test', context: 'Bootstrap', msg: `bootstrap-test listening on ${url}` }));
  });

  it('routes Nest start-up logs through the JSON logger', () => {
    expect(lines).toContainEqual(expect.objectContaining({ service: 'bootstrap-test', context: 'RoutesResolver' }));
  });

  it('serves health, metrics and handlers with request ids', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200).expect('content-type', /^text\/plain; version=0\.0\.4/);
    await request(app.getHttpServer()).get('/echo').expect(200, { ok: true }).expect('x-request-id', /.+/);
  });

  it('applies the body limit, the problem filter and the validation pipe', async () => {
    const res = await request(app.getHttpServer()).post('/echo').send({ text: 'x'.repeat(2048) }).expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const invalid = await request(app.getHttpServer()).post('/echo').send({ text: 1, extra: true }).expect(400);
    expect(invalid.body.errors).toHaveLength(2);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'text', message: 'text must be a string' },
        { field: 'extra', message: 'property extra should not exist' },
      ]),
    );
    await request(app.getHttpServer()).post('/echo').send({ text: 'hi' }).expect(201, { text: 'hi' });
    await request(app.getHttpServer()).get('/nowhere').expect(404).expect('content-type', /problem\+json/);
  });

  it('hides the framework banner header', async () => {
    const res = await request(app.getHttpServer()).get('/echo').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('subscribes to termination signals so shutdown hooks run', () => {
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(signalListenersBefore);
  });

  it('refuses a root module without the logger module', async () => {
    @Module({})
    class BareModule {}
    await expect(bootstrapHttpService(BareModule, { serviceName: 'bare', port: 0 })).rejects.toThrow(
      "bare: the root module must import createLoggerModule('bare')",
    );
  });
});
