import { Controller, Get, Module, UseGuards, type CanActivate } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from '../http/configure-http-app';
import { createLoggerModule } from '../logging/logger.module';
import { getMetrics } from './metrics';
import { MetricsModule } from './metrics.module';

class DenyAll implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Controller('reports')
class ReportsController {
  @Get(':reportId') @UseGuards(DenyAll) get() {
    return {};
  }
  @Get('public/:slug') open() {
    return {};
  }
}

describe.each([
  ['metrics before logging', true],
  ['logging before metrics', false],
])('HttpMetricsMiddleware beside other catch-all middleware (%s)', (_name, metricsFirst) => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    getMetrics().httpRequestDuration.reset();
    const logging = createLoggerModule('metrics-test', { level: 'silent' });
    @Module({ imports: metricsFirst ? [MetricsModule, logging] : [logging, MetricsModule], controllers: [ReportsController] })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false })).init();
  });
  afterAll(() => app.close());

  const count = async (labels: string) => {
    const text = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
    return new RegExp(`^http_request_duration_seconds_count\\{${labels.replace(/[{}]/g, '\\$&')}\\} (\\d+)$`, 'm').exec(text)?.[1];
  };

  it('labels a guard-rejected request with its route pattern', async () => {
    await request(app.getHttpServer()).get('/reports/r-1').expect(403);
    expect(await count('method="GET",route="/reports/:reportId",status="403"')).toBe('1');
  });

  it('labels matched and unmatched requests apart', async () => {
    await request(app.getHttpServer()).get('/reports/public/q3').expect(200);
    await request(app.getHttpServer()).get('/elsewhere/q3').expect(404);
    expect(await count('method="GET",route="/reports/public/:slug",status="200"')).toBe('1');
    expect(await count('method="GET",route="unmatched",status="404"')).toBe('1');
  });
});
