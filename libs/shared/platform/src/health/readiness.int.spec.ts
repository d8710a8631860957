import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { testKafkaBrokers, testServerUrl } from '@trajectory/shared/testing';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import request from 'supertest';
import { databaseUrlWithName } from '../database/ensure-database';
import { configureHttpApp } from '../http/configure-http-app';
import { HealthModule } from './health.module';
import { KafkaReadinessCheck } from './kafka.readiness-check';
import { PostgresReadinessCheck } from './postgres.readiness-check';

// Nothing listens on port 1, so connections are refused at once.
const UNREACHABLE_DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/postgres';
const UNREACHABLE_BROKERS = ['127.0.0.1:1'];

describe('readiness against real PostgreSQL and Kafka', () => {
  const pools: Pool[] = [];
  const apps: NestExpressApplication[] = [];

  function pool(url: string): Pool {
    const p = new Pool({ connectionString: url, connectionTimeoutMillis: 2000, max: 2 });
    pools.push(p);
    return p;
  }

  async function readyApp(databaseUrl: string, brokers: string[]): Promise<NestExpressApplication> {
    const checks = [new PostgresReadinessCheck(pool(databaseUrl)), new KafkaReadinessCheck({ brokers })];
    const moduleRef = await Test.createTestingModule({ imports: [HealthModule.forRoot({ checks, timeoutMs: 5000 })] }).compile();
    const app = await configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false })).init();
    apps.push(app);
    return app;
  }

  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(pools.splice(0).map((p) => p.end()));
  });

  it('is ready when PostgreSQL answers SELECT 1 and Kafka describes its cluster', async () => {
    const app = await readyApp(databaseUrlWithName(testServerUrl(), 'postgres'), testKafkaBrokers());
    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.body).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
    expect(res.status).toBe(200);
  });

  it('answers 503 when PostgreSQL is unreachable, and says so', async () => {
    const app = await readyApp(UNREACHABLE_DATABASE_URL, testKafkaBrokers());
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body.status).toBe('error');
    expect(res.body.checks.kafka).toMatchObject({ status: 'up' });
    expect(res.body.checks.postgres).toMatchObject({ status: 'down', error: expect.stringContaining('ECONNREFUSED') });
  });

  it('answers 503 when Kafka is unreachable, quickly', async () => {
    const app = await readyApp(databaseUrlWithName(testServerUrl(), 'postgres'), UNREACHABLE_BROKERS);
    const started = Date.now();
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.body.checks).toMatchObject({ postgres: { status: 'up' }, kafka: { status: 'down', error: expect.any(String) } });
  });

  it('reuses one Kafka admin connection across probes, and replaces it after a failure', async () => {
    const admins = jest.spyOn(Kafka.prototype, 'admin');
    const healthy = new KafkaReadinessCheck({ brokers: testKafkaBrokers() });
    const broken = new KafkaReadinessCheck({ brokers: UNREACHABLE_BROKERS });
    try {
      for (let i = 0; i < 3; i += 1) await healthy.check();
      expect(admins).toHaveBeenCalledTimes(1);
      await expect(broken.check()).rejects.toThrow();
      await expect(broken.check()).rejects.toThrow();
      expect(admins).toHaveBeenCalledTimes(3);
    } finally {
      await healthy.close();
      await broken.close();
    }
  });
});
