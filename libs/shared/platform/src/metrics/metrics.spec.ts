import { Controller, Get, Inject, Module, Param } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from '../http/configure-http-app';
import { getMetrics, Metrics } from './metrics';
import { MetricsModule } from './metrics.module';

@Controller('things')
class ThingsController {
  constructor(@Inject(Metrics) readonly metrics: Metrics) {}
  @Get(':id') get(@Param('id') id: string) {
    return { id };
  }
}

@Module({ imports: [MetricsModule], controllers: [ThingsController] })
class AppModule {}

describe('MetricsModule', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false })).init();
  });
  afterAll(() => app.close());

  const scrape = async () => (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

  it('serves the Prometheus text format with default Node metrics', async () => {
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(res.text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
  });

  it.each([
    ['http_request_duration_seconds', 'histogram'],
    ['event_store_append_duration_seconds', 'histogram'],
    ['outbox_relay_lag_seconds', 'gauge'],
    ['outbox_relay_published_total', 'counter'],
    ['outbox_relay_errors_total', 'counter'],
    ['consumer_lag_messages', 'gauge'],
    ['consumer_processed_total', 'counter'],
    ['consumer_skipped_total', 'counter'],
    ['consumer_dead_lettered_total', 'counter'],
  ])('declares %s as a %s', async (name, type) => {
    expect(await scrape()).toContain(`# TYPE ${name} ${type}`);
  });

  it('records request latency by route pattern, never the raw URL', async () => {
    await request(app.getHttpServer()).get('/things/42').expect(200);
    await request(app.getHttpServer()).get('/things/43').expect(200);
    const text = await scrape();
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/things/:id",status="200"} 2');
    expect(text).not.toContain('/things/42');
  });

  it('labels requests no route matched as unmatched', async () => {
    await request(app.getHttpServer()).get('/no/such/path/123').expect(404);
    const text = await scrape();
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('/no/such/path');
  });

  it('injects the same instance library code reaches through getMetrics()', async () => {
    expect(app.get(ThingsController).metrics).toBe(getMetrics());
    getMetrics().consumerProcessed.inc({ group: 'career', topic: 'profiles.events' }, 3);
    getMetrics().outboxRelayLag.set({ topic: 'profiles.events' }, 1.5);
    const text = await scrape();
    expect(text).toContain('consumer_processed_total{group="career",topic="profiles.events"} 3');
    expect(text).toContain('outbox_relay_lag_seconds{topic="profiles.events"} 1.5');
  });
});
