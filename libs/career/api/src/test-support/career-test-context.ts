import { CareerQueriesService } from '@trajectory/career/application';
import { careerMigrations, PostgresCareerProjection, PostgresCareerReadModel } from '@trajectory/career/infrastructure';
import { KafkaEventContext, messagingMigrations, type ConsumedEvent } from '@trajectory/shared/messaging';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import { Pool, type PoolClient } from 'pg';
import { ProfilesEventsHandler } from '../kafka/profiles-events.handler';

type HandlerMethod = (event: ConsumedEvent, context: KafkaEventContext) => Promise<void>;

export interface CareerTestContext {
  database: TestDatabase;
  pool: Pool;
  handler: ProfilesEventsHandler;
  /** Today's date is fixed so that timelines of open jobs do not change while a suite runs. */
  queries: CareerQueriesService;
  /** Applies events through the @EventPattern handler methods, one transaction each, as the consumer does. */
  deliver(...events: ConsumedEvent[]): Promise<void>;
  deliverIn(client: PoolClient, event: ConsumedEvent): Promise<void>;
  dispose(): Promise<void>;
}

export const TODAY = '2025-06-30';

/** Finds the handler method whose @EventPattern names the event's type (the version is not part of it). */
function methodFor(handler: ProfilesEventsHandler, event: ConsumedEvent): HandlerMethod {
  const type = /^trajectory\.profiles\.([A-Za-z]+)\.v\d+$/.exec(event.type)?.[1];
  const method = (handler as unknown as Record<string, unknown>)[`on${type ?? ''}`];
  if (typeof method !== 'function') throw new Error(`no handler for ${event.type}`);
  return (method as HandlerMethod).bind(handler);
}

export async function createCareerTestContext(): Promise<CareerTestContext> {
  const database = await createTestDatabase('career');
  await runMigrations(database.url, [...messagingMigrations, ...careerMigrations]);
  const pool = new Pool({ connectionString: database.url, max: 8 });
  const handler = new ProfilesEventsHandler(new PostgresCareerProjection());
  const deliverIn = (client: PoolClient, event: ConsumedEvent) => methodFor(handler, event)(event, new KafkaEventContext([event, client]));
  return {
    database,
    pool,
    handler,
    queries: new CareerQueriesService(new PostgresCareerReadModel(pool), () => TODAY),
    deliverIn,
    deliver: async (...events) => {
      const client = await pool.connect();
      try {
        for (const event of events) {
          await client.query('BEGIN');
          try {
            await deliverIn(client, event);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        }
      } finally {
        client.release();
      }
    },
    dispose: async () => {
      await pool.end();
      await database.drop();
    },
  };
}
