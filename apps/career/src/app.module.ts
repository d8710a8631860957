import { Module, type DynamicModule } from '@nestjs/common';
import { CareerHttpController, ProfilesEventsHandler } from '@trajectory/career/api';
import { CAREER_PROJECTION, CAREER_READ_MODEL, CareerQueriesService, type CareerReadModelPort } from '@trajectory/career/application';
import { PostgresCareerProjection, PostgresCareerReadModel } from '@trajectory/career/infrastructure';
import { CareerConfig, dataServiceImports } from '@trajectory/shared/platform';
import { Pool } from 'pg';

/** Wiring only: the career read side's read model, queries, HTTP and event handlers. */
@Module({})
export class CareerAppModule {
  static forConfig(config: CareerConfig): DynamicModule {
    return {
      module: CareerAppModule,
      imports: dataServiceImports('career', CareerConfig, config),
      controllers: [CareerHttpController, ProfilesEventsHandler],
      providers: [
        { provide: CAREER_READ_MODEL, inject: [Pool], useFactory: (pool: Pool) => new PostgresCareerReadModel(pool) },
        { provide: CAREER_PROJECTION, useFactory: () => new PostgresCareerProjection() },
        { provide: CareerQueriesService, inject: [CAREER_READ_MODEL], useFactory: (readModel: CareerReadModelPort) => new CareerQueriesService(readModel) },
      ],
    };
  }
}
