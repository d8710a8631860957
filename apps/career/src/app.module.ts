import { Module, type DynamicModule } from '@nestjs/common';
import { CareerHttpController, ProfilesEventsHandler } from '@trajectory/career/api';
import { CAREER_PROJECTION, CAREER_READ_MODEL, CareerQueriesService, type CareerReadModelPort } from '@trajectory/career/application';
import { PostgresCareerProjection, PostgresCareerReadModel } from '@trajectory/career/infrastructure';
import {
  CareerConfig,
  createLoggerModule,
  HealthModule,
  KafkaReadinessCheck,
  MetricsModule,
  PgPoolModule,
  PostgresReadinessCheck,
  ServiceConfigModule,
} from '@trajectory/shared/platform';
import { Pool } from 'pg';

/** Wiring only: the career read side's read model, queries, HTTP and event handlers. */
@Module({})
export class CareerAppModule {
  static forConfig(config: CareerConfig): DynamicModule {
    return {
      module: CareerAppModule,
      imports: [
        ServiceConfigModule.forRoot(CareerConfig),
        createLoggerModule('career', { level: config.LOG_LEVEL }),
        MetricsModule,
        PgPoolModule.forRoot({ connectionString: config.databaseUrl }),
        HealthModule.forRootAsync({
          inject: [Pool],
          useFactory: (pool: Pool) => ({
            checks: [new PostgresReadinessCheck(pool), new KafkaReadinessCheck({ brokers: config.kafkaBrokers })],
          }),
        }),
      ],
      controllers: [CareerHttpController, ProfilesEventsHandler],
      providers: [
        { provide: CAREER_READ_MODEL, inject: [Pool], useFactory: (pool: Pool) => new PostgresCareerReadModel(pool) },
        { provide: CAREER_PROJECTION, useFactory: () => new PostgresCareerProjection() },
        { provide: CareerQueriesService, inject: [CAREER_READ_MODEL], useFactory: (readModel: CareerReadModelPort) => new CareerQueriesService(readModel) },
      ],
    };
  }
}
