import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { CareerHttpController, ProfilesEventsHandler } from '@trajectory/career/api';
import { CAREER_CHANGES, CAREER_PROJECTION, CAREER_READ_MODEL, CareerQueriesService, type CareerChangesPort, type CareerReadModelPort } from '@trajectory/career/application';
import { CachedCareerReadModel, PostgresCareerChanges, PostgresCareerProjection, PostgresCareerReadModel } from '@trajectory/career/infrastructure';
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
        // Wakes career reads waiting for a write (minVersion) when the consumer commits it,
        // and drops the changed people from the read model's memory.
        { provide: CAREER_CHANGES, inject: [Pool], useFactory: (pool: Pool) => new PostgresCareerChanges(pool, new Logger('CareerChanges')) },
        {
          provide: CAREER_READ_MODEL,
          inject: [Pool, CAREER_CHANGES],
          useFactory: (pool: Pool, changes: PostgresCareerChanges) =>
            config.CAREER_READ_CACHE_ENTRIES === 0
              ? new PostgresCareerReadModel(pool)
              : new CachedCareerReadModel(new PostgresCareerReadModel(pool), changes, config.CAREER_READ_CACHE_ENTRIES),
        },
        { provide: CAREER_PROJECTION, useFactory: () => new PostgresCareerProjection() },
        {
          provide: CareerQueriesService,
          inject: [CAREER_READ_MODEL, CAREER_CHANGES],
          useFactory: (readModel: CareerReadModelPort, changes: CareerChangesPort) =>
            new CareerQueriesService(readModel, undefined, { changes, maxWaitMs: config.CAREER_READ_WAIT_MS }),
        },
      ],
    };
  }
}
