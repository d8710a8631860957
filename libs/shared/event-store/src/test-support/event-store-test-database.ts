import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import type { NewEvent } from '../event-store.types';
import { eventStoreMigrations } from '../migrations/event-store.migrations';

export interface EventStoreTestDatabase {
  database: TestDatabase;
  pool: Pool;
  /** Ends the pool, then drops the database: call from afterAll. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database per suite, so suites never see each other's events. */
export async function createEventStoreTestDatabase(poolSize = 10): Promise<EventStoreTestDatabase> {
  const database = await createTestDatabase('event_store');
  await runMigrations(database.url, eventStoreMigrations);
  const pool = new Pool({ connectionString: database.url, max: poolSize });
  return {
    database,
    pool,
    dispose: async () => {
      await pool.end();
      await database.drop();
    },
  };
}

export function testEvent(type: string, data: unknown = { at: randomUUID() }): NewEvent {
  return { type, data };
}

/** Streams are named per test so that tests sharing a database cannot clash. */
export function streamName(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Every connection opened up front, so a concurrent burst does not queue on connecting. */
export async function warmUp(pool: Pool, connections: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const client of clients) client.release();
}
