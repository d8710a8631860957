import { randomUUID } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import type { AppendOptions, EventMetadata, ExpectedVersion, NewEvent } from '../event-store.types';
import type { NewSubjectKeys } from '../pii/pii-protection';
import { storedMetadata } from '../sql/stored-metadata';
import type { EventSchemaRegistry } from '../schema/event-schema.registry';
import type { UpcasterRegistry } from '../upcasting/upcaster.registry';

export interface AppendRegistries {
  schemas?: EventSchemaRegistry | undefined;
  upcasters?: UpcasterRegistry | undefined;
}

/** One append, validated and serialised, ready to go into a statement with others. */
export interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  /** expectedVersion as the SQL compares it: null for 'any'. */
  expected: number | null;
  tenantId: string;
  metadataJson: string;
  eventIds: string[];
  types: string[];
  schemaVersions: number[];
  /** JSON array of the events' data, in order. */
  dataJson: string;
  /** Data keys the append stores with its events (subjects it takes to be new; see PiiProtection.newSubjectSealer). */
  newKeys?: NewSubjectKeys;
}

export function expectedVersionParameter(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) {
    throw new RangeError(`Expected version must be 'any', 'no_stream' or a non-negative integer, got ${expected}`);
  }
  return expected;
}

/**
 * Every event is validated before anything is sent, so a rejected append stores nothing.
 * Data is serialised in one JSON.stringify per append; metadata is shared by its events.
 */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
  { schemas, upcasters }: AppendRegistries,
  /** Seals personal fields after validation (validation sees the plaintext). */
  seal?: (type: string, data: unknown) => unknown,
  newKeys?: NewSubjectKeys,
): PreparedAppend {
  const expected = expectedVersionParameter(options.expectedVersion);
  const eventIds = new Array<string>(events.length);
  const types = new Array<string>(events.length);
  const schemaVersions = new Array<number>(events.length);
  const data = new Array<unknown>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as NewEvent;
    const version = event.schemaVersion ?? schemas?.latestVersion(event.type) ?? upcasters?.latestVersion(event.type) ?? 1;
    schemas?.validate(event.type, version, event.data);
    // Time-ordered ids (UUIDv7) land at the right edge of the unique event id index, as
    // positions do; random ones would touch a random leaf page per event, and after every
    // checkpoint each such page costs a full-page image in the WAL.
    eventIds[i] = event.eventId ?? timeOrderedUuid();
    types[i] = event.type;
    schemaVersions[i] = version;
    // JSON has no undefined; null keeps the data array aligned with the other arrays.
    const plain = event.data === undefined ? null : event.data;
    data[i] = seal === undefined ? plain : seal(event.type, plain);
  }
  return {
    streamId,
    expectedVersion: options.expectedVersion,
    expected,
    tenantId: options.tenantId,
    metadataJson: JSON.stringify(storedMetadata(buildMetadata(options))),
    eventIds,
    types,
    schemaVersions,
    dataJson: JSON.stringify(data),
    ...(newKeys === undefined ? {} : { newKeys }),
  };
}

export function buildMetadata(options: AppendOptions): EventMetadata {
  const correlationId = options.correlationId ?? randomUUID();
  const metadata: EventMetadata = {
    tenantId: options.tenantId,
    correlationId,
    // The first event of a conversation is caused by the request that started it.
    causationId: options.causationId ?? correlationId,
  };
  if (options.actor !== undefined) metadata.actor = options.actor;
  return metadata;
}
