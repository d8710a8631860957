import type { DynamicModule, Type } from '@nestjs/common';
import { Pool } from 'pg';
import type { BaseServiceConfig } from './config/base-service.config';
import type { ConfigClass } from './config/env-var.decorator';
import { ServiceConfigModule } from './config/service-config.module';
import { PgPoolModule } from './database/pg-pool.module';
import { HealthModule } from './health/health.module';
import { KafkaReadinessCheck } from './health/kafka.readiness-check';
import { PostgresReadinessCheck } from './health/postgres.readiness-check';
import { createLoggerModule } from './logging/logger.module';
import { MetricsModule } from './metrics/metrics.module';

/**
 * What every service that owns data imports: its validated config, JSON logs, metrics,
 * one pool to its own database, and readiness on PostgreSQL and Kafka.
 */
export function dataServiceImports<C extends BaseServiceConfig>(serviceName: string, configClass: ConfigClass<C>, config: C): Array<DynamicModule | Type<unknown>> {
  return [
    ServiceConfigModule.forRoot(configClass),
    createLoggerModule(serviceName, { level: config.LOG_LEVEL }),
    MetricsModule,
    PgPoolModule.forRoot({ connectionString: config.databaseUrl }),
    HealthModule.forRootAsync({
      inject: [Pool],
      useFactory: (pool: Pool) => ({
        checks: [new PostgresReadinessCheck(pool), new KafkaReadinessCheck({ brokers: config.kafkaBrokers })],
      }),
    }),
  ];
}
