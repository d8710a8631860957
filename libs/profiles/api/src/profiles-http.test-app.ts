import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { personStreamId } from '@trajectory/contracts/profiles';
import { PersonCommandsService, PersonQueriesService } from '@trajectory/profiles/application';
import { createProfilesEventStore, EventStorePersonalDataEraser } from '@trajectory/profiles/infrastructure';
import { eventStoreMigrations } from '@trajectory/shared/event-store';
import { configureHttpApp, PrebuiltPrototypesExpressAdapter, runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import { Pool } from 'pg';
import { PROFILES_HTTP_CONTROLLERS } from './http/profiles-http.controllers';

export interface ProfilesHttpTestApp {
  app: NestExpressApplication;
  /** Events stored for a person: a refused request must leave this unchanged. */
  eventCount(personId: string): Promise<number>;
  close(): Promise<void>;
}

/** The profiles HTTP routes on a real, migrated PostgreSQL database, through the production pipeline. */
export async function startProfilesHttpTestApp(): Promise<ProfilesHttpTestApp> {
  const database: TestDatabase = await createTestDatabase('profiles_http');
  await runMigrations(database.url, eventStoreMigrations);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const store = createProfilesEventStore(pool);
  const moduleRef = await Test.createTestingModule({
    controllers: PROFILES_HTTP_CONTROLLERS,
    providers: [
      { provide: PersonCommandsService, useValue: new PersonCommandsService(store, new EventStorePersonalDataEraser(store)) },
      { provide: PersonQueriesService, useValue: new PersonQueriesService(store) },
    ],
  }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>(new PrebuiltPrototypesExpressAdapter(), { bodyParser: false, logger: false }));
  await app.init();
  return {
    app,
    eventCount: async (personId) => (await pool.query('SELECT 1 FROM events WHERE stream_id = $1', [personStreamId(personId)])).rowCount ?? 0,
    close: async () => {
      await app.close();
      await pool.end();
      await database.drop();
    },
  };
}
