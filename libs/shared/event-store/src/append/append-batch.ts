import { randomUUID } from 'node:crypto';
import type { AppendOptions, EventMetadata, ExpectedVersion, NewEvent } from '../event-store.types';
import type { EventSchemaRegistry } from '../schema/event-schema.registry';
import type { UpcasterRegistry } from '../upcasting/upcaster.registry';

export interface AppendBatchRegistries {
  schemas?: EventSchemaRegistry | undefined;
  upcasters?: UpcasterRegistry | undefined;
}

/** The APPEND_SQL parameters, in order; built (and validated) before any I/O. */
export type AppendParameters = [
  streamId: string,
  expectedVersion: number | null,
  tenantId: string,
  eventIds: string[],
  types: string[],
  schemaVersions: number[],
  data: string,
  metadata: string,
];

export function expectedVersionParameter(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) {
    throw new RangeError(`Expected version must be 'any', 'no_stream' or a non-negative integer, got ${expected}`);
  }
  return expected;
}

/**
 * Every event is validated before the statement is sent, so a rejected batch stores
 * nothing. The batch's data is serialised in one JSON.stringify; metadata is shared by the
 * batch and serialised once too.
 */
export function buildAppendParameters(
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
  { schemas, upcasters }: AppendBatchRegistries,
): AppendParameters {
  const expected = expectedVersionParameter(options.expectedVersion);
  const eventIds = new Array<string>(events.length);
  const types = new Array<string>(events.length);
  const versions = new Array<number>(events.length);
  const data = new Array<unknown>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as NewEvent;
    const version = event.schemaVersion ?? schemas?.latestVersion(event.type) ?? upcasters?.latestVersion(event.type) ?? 1;
    schemas?.validate(event.type, version, event.data);
    eventIds[i] = event.eventId ?? randomUUID();
    types[i] = event.type;
    versions[i] = version;
    // JSON has no undefined; storing null keeps the jsonb array aligned with the other arrays.
    data[i] = event.data === undefined ? null : event.data;
  }
  return [streamId, expected, options.tenantId, eventIds, types, versions, JSON.stringify(data), JSON.stringify(buildMetadata(options))];
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
