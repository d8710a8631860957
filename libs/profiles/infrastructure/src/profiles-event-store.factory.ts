import { profilesEventSchemas, profilesEventUpcasters, profilesPiiFields } from '@trajectory/contracts/profiles';
import {
  EventSchemaRegistry,
  PiiProtection,
  PostgresEventStore,
  PostgresPiiKeyStore,
  UpcasterRegistry,
  type PostgresEventStoreOptions,
} from '@trajectory/shared/event-store';
import type { Pool } from 'pg';

export function profilesSchemaRegistry(): EventSchemaRegistry {
  const registry = new EventSchemaRegistry();
  for (const { type, version, schema } of profilesEventSchemas) registry.register(type, version, schema);
  return registry;
}

/** Streams written before a schema change are read in the newest shape the decider knows. */
export function profilesUpcasterRegistry(): UpcasterRegistry {
  const registry = new UpcasterRegistry();
  for (const { type, fromVersion, upcast } of profilesEventUpcasters) registry.register(type, fromVersion, upcast);
  return registry;
}

/** Every profiles event carries the person it is about; that person is the PII subject. */
function personOf(_type: string, data: unknown): string | undefined {
  const personId = (data as { personId?: unknown } | null)?.personId;
  return typeof personId === 'string' ? personId : undefined;
}

/**
 * The profiles event store: data validated against the published schemas, old versions
 * upcast on read, names and emails sealed with the person's key (needs the pii_keys table).
 */
export function createProfilesEventStore(pool: Pool, options: Pick<PostgresEventStoreOptions, 'onAppend' | 'batching'> = {}): PostgresEventStore {
  return new PostgresEventStore(pool, {
    ...options,
    schemas: profilesSchemaRegistry(),
    upcasters: profilesUpcasterRegistry(),
    pii: new PiiProtection({ fields: profilesPiiFields, subjectOf: personOf, keys: new PostgresPiiKeyStore(pool) }),
  });
}
