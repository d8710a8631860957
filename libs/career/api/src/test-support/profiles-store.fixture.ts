import { personStreamId, profilesEventSchemas, profilesEventUpcasters, profilesPiiFields } from '@trajectory/contracts/profiles';
import {
  eventStoreMigrations,
  EventSchemaRegistry,
  PiiProtection,
  PostgresEventStore,
  PostgresPiiKeyStore,
  UpcasterRegistry,
  type GlobalCheckpoint,
  type StoredEvent,
} from '@trajectory/shared/event-store';
import { parseCloudEvent, toKafkaMessage, type ConsumedEvent } from '@trajectory/shared/messaging';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import { Pool } from 'pg';
import type { LifeEvent } from './working-life.fixture';

/** A profiles database set up as the profiles service sets up its own: schemas, upcasters, sealed PII. */
export interface ProfilesStoreFixture {
  database: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  append(tenantId: string, personId: string, events: LifeEvent[]): Promise<void>;
  /** What the relay would publish next, as the consumer parses it, and the checkpoint after it. */
  published(after: GlobalCheckpoint | null): Promise<{ events: ConsumedEvent[]; checkpoint: GlobalCheckpoint | null }>;
  toConsumed(event: StoredEvent): ConsumedEvent;
  dispose(): Promise<void>;
}

export async function createProfilesStoreFixture(): Promise<ProfilesStoreFixture> {
  const database = await createTestDatabase('profiles');
  await runMigrations(database.url, eventStoreMigrations);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const schemas = new EventSchemaRegistry();
  for (const { type, version, schema } of profilesEventSchemas) schemas.register(type, version, schema);
  const upcasters = new UpcasterRegistry();
  for (const { type, fromVersion, upcast } of profilesEventUpcasters) upcasters.register(type, fromVersion, upcast);
  const pii = new PiiProtection({ fields: profilesPiiFields, subjectOf: (_t, data) => (data as { personId?: string }).personId, keys: new PostgresPiiKeyStore(pool) });
  const store = new PostgresEventStore(pool, { schemas, upcasters, pii, batching: false });
  const toConsumed = (event: StoredEvent): ConsumedEvent => {
    const message = toKafkaMessage(event, { service: 'profiles', context: 'profiles' });
    return { ...parseCloudEvent(message.headers, message.value), topic: 'profiles.events', partition: 0, offset: event.globalPosition, key: message.key };
  };
  return {
    database,
    pool,
    store,
    toConsumed,
    append: async (tenantId, personId, events) => {
      const newEvents = events.map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: e.data }));
      await store.appendToStream(personStreamId(personId), newEvents, { expectedVersion: 'any', tenantId });
    },
    published: async (after) => {
      const events: StoredEvent[] = [];
      let checkpoint = after;
      for (let page = await store.readAll({ after, limit: 100 }); page.length > 0; page = await store.readAll({ after: checkpoint, limit: 100 })) {
        events.push(...page);
        const last = page[page.length - 1] as StoredEvent;
        checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      }
      return { events: events.map(toConsumed), checkpoint };
    },
    dispose: async () => {
      await pool.end();
      await database.drop();
    },
  };
}
