import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from '../http/configure-http-app';
import { HealthModule } from './health.module';
import type { HealthModuleOptions } from './health.controller';
import type { ReadinessCheck } from './readiness-check';

class FakeCheck implements ReadinessCheck {
  closed = 0;
  constructor(readonly name: string, private readonly outcome: () => Promise<void>) {}
  check(): Promise<void> {
    return this.outcome();
  }
  async close(): Promise<void> {
    this.closed += 1;
  }
}

const up = (name: string) => new FakeCheck(name, async () => undefined);
const down = (name: string, reason: string) => new FakeCheck(name, async () => Promise.reject(new Error(reason)));
const hanging = (name: string) => new FakeCheck(name, () => new Promise<void>(() => undefined));

async function appWith(options: HealthModuleOptions): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [HealthModule.forRoot(options)] }).compile();
  return configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false })).init();
}

describe('HealthModule', () => {
  it('is live even when dependencies are down', async () => {
    const app = await appWith({ checks: [down('postgres', 'connection refused')] });
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' }).expect('cache-control', 'no-store');
    await app.close();
  });

  it('is ready when every check answers', async () => {
    const app = await appWith({ checks: [up('postgres'), up('kafka')] });
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { postgres: { status: 'up', durationMs: expect.any(Number) }, kafka: { status: 'up', durationMs: expect.any(Number) } },
    });
    await app.close();
  });

  it('answers 503 naming the failing dependency and why', async () => {
    const app = await appWith({ checks: [up('postgres'), down('kafka', 'broker not reachable')] });
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body).toMatchObject({ status: 'error', checks: { postgres: { status: 'up' }, kafka: { status: 'down', error: 'broker not reachable' } } });
    await app.close();
  });

  it('counts a check that does not answer in time as down', async () => {
    const app = await appWith({ checks: [hanging('postgres')], timeoutMs: 50 });
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body.checks.postgres).toMatchObject({ status: 'down', error: 'postgres did not answer within 50 ms' });
    await app.close();
  });

  it('builds checks from providers and closes them on shutdown', async () => {
    const check = up('postgres');
    @Module({ providers: [{ provide: 'CHECK', useValue: check }], exports: ['CHECK'] })
    class ChecksModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [HealthModule.forRootAsync({ imports: [ChecksModule], inject: ['CHECK'], useFactory: (c: FakeCheck) => ({ checks: [c] }) })],
    }).compile();
    const app = await moduleRef.createNestApplication({ logger: false }).init();
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    await app.close();
    expect(check.closed).toBe(1);
  });
});
