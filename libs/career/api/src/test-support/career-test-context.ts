import { CareerQueriesService } from '@trajectory/career/application';
import { CAREER_CHANGES_CHANNEL, careerMigrations, PostgresCareerChanges, PostgresCareerProjection, PostgresCareerReadModel } from '@trajectory/career/infrastructure';
import { appliedKeysNotice, KafkaEventContext, messagingMigrations, type ConsumedEvent } from '@trajectory/shared/messaging';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import { Pool, type PoolClient } from 'pg';
import { ProfilesEventsHandler } from '../kafka/profiles-events.handler';

type HandlerMethod = (event: ConsumedEvent, context: KafkaEventContext) => Promise<void>;

export interface CareerTestContext {
  database: TestDatabase;
  pool: Pool;
  handler: ProfilesEventsHandler;
  /**
   * Today's date is fixed so that timelines of open jobs do not change while a suite runs.
   * Reads with minVersion wait up to READ_WAIT_MS, woken by the notices `deliver` sends.
   */
  queries: CareerQueriesService;
  /**
   * Applies events through the @EventPattern handler methods, one transaction each, and
   * announces the event's key at commit on the career's channel, as the consumer does.
   */
  deliver(...events: ConsumedEvent[]): Promise<void>;
  deliverIn(client: PoolClient, event: ConsumedEvent): Promise<void>;
  dispose(): Promise<void>;
}

export const TODAY = '2025-06-30';
export const READ_WAIT_MS = 3_000;

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
  const changes = new PostgresCareerChanges(pool, console);
  await changes.onModuleInit();
  return {
    database,
    pool,
    handler,
    queries: new CareerQueriesService(new PostgresCareerReadModel(pool), () => TODAY, { changes, maxWaitMs: READ_WAIT_MS }),
    deliverIn,
    deliver: async (...events) => {
      const client = await pool.connect();
      try {
        for (const event of events) {
          await client.query('BEGIN');
          try {
            await deliverIn(client, event);
            const notice = event.key === null ? undefined : appliedKeysNotice(CAREER_CHANGES_CHANNEL, new Set([event.key]));
            if (notice !== undefined) await client.query('SELECT pg_notify($1, $2)', [notice.channel, notice.payload]);
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
      await changes.onModuleDestroy();
      await pool.end();
      await database.drop();
    },
  };
}
