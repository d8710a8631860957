import type { StoredEvent } from '../event-store.types';
import type { EventSchemaRegistry } from '../schema/event-schema.registry';
import type { UpcasterRegistry } from '../upcasting/upcaster.registry';
import { readMetadata } from './stored-metadata';

/** A row of the event columns as the SQL selects them (bigint and xid8 cast to text). */
export interface EventRow {
  stream_id: string;
  stream_version: number;
  global_position: string;
  transaction_id: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  /** As storedMetadata left it. */
  metadata: Record<string, unknown>;
  tenant_id: string;
  recorded_at: Date;
}

export interface ReadRegistries {
  schemas?: EventSchemaRegistry | undefined;
  upcasters?: UpcasterRegistry | undefined;
}

/**
 * Readers only ever see the newest shape of a type: the newest registered schema when there
 * is one, else as far as the upcasters lead.
 */
export function toStoredEvent<Data>(row: EventRow, { schemas, upcasters }: ReadRegistries): StoredEvent<Data> {
  let schemaVersion = row.schema_version;
  let data = row.data;
  if (upcasters !== undefined) {
    const target = schemas?.latestVersion(row.type) ?? upcasters.latestVersion(row.type);
    ({ schemaVersion, data } = upcasters.upcast(row.type, schemaVersion, data, target));
  }
  return {
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    eventId: row.event_id,
    type: row.type,
    schemaVersion,
    data: data as Data,
    metadata: readMetadata(row.metadata, row.tenant_id),
    tenantId: row.tenant_id,
    recordedAt: row.recorded_at,
  };
}
