import type { StoredEvent } from '@trajectory/shared/event-store';
import type { IHeaders } from 'kafkajs';
import { InvalidCloudEventError } from './messaging.errors';

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as `ce_*` headers. */
export const CE_HEADERS = {
  specVersion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  tenantId: 'ce_tenantid',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  streamVersion: 'ce_streamversion',
  contentType: 'content-type',
} as const;

const JSON_CONTENT_TYPE = 'application/json';

/** Who publishes: `source` becomes `/trajectory/<service>`, `context` goes into `type`. */
export interface CloudEventOrigin {
  service: string;
  context: string;
}

/** What a consumer reads back from a message: the CloudEvent attributes plus the data. */
export interface CloudEventEnvelope<Data = unknown> {
  id: string;
  type: string;
  source: string;
  subject: string | undefined;
  time: string | undefined;
  tenantId: string | undefined;
  correlationId: string | undefined;
  causationId: string | undefined;
  streamVersion: number | undefined;
  data: Data;
}

export interface OutgoingKafkaMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** `trajectory.<context>.<EventType>.v<schemaVersion>`: the version is part of the contract. */
export function cloudEventType(context: string, eventType: string, schemaVersion: number): string {
  return `trajectory.${context}.${eventType}.v${schemaVersion}`;
}

/** Splits a `ce_type` of ours; undefined for types published by anyone else. */
export function parseCloudEventType(type: string): { context: string; eventType: string; schemaVersion: number } | undefined {
  const match = /^trajectory\.([^.]+)\.([^.]+)\.v(\d+)$/.exec(type);
  if (match === null) return undefined;
  const [, context, eventType, version] = match;
  if (context === undefined || eventType === undefined || version === undefined) return undefined;
  return { context, eventType, schemaVersion: Number(version) };
}

export function toCloudEventHeaders(event: StoredEvent, origin: CloudEventOrigin): Record<string, string> {
  const headers: Record<string, string> = {
    [CE_HEADERS.specVersion]: '1.0',
    [CE_HEADERS.id]: event.eventId,
    [CE_HEADERS.source]: `/trajectory/${origin.service}`,
    [CE_HEADERS.type]: cloudEventType(origin.context, event.type, event.schemaVersion),
    [CE_HEADERS.time]: event.recordedAt.toISOString(),
    [CE_HEADERS.subject]: event.streamId,
    [CE_HEADERS.contentType]: JSON_CONTENT_TYPE,
    [CE_HEADERS.tenantId]: event.tenantId,
    [CE_HEADERS.streamVersion]: String(event.streamVersion),
  };
  // Absent attributes are omitted, not sent empty: the SDKs treat '' as a real value.
  if (event.metadata.correlationId !== undefined) headers[CE_HEADERS.correlationId] = event.metadata.correlationId;
  if (event.metadata.causationId !== undefined) headers[CE_HEADERS.causationId] = event.metadata.causationId;
  return headers;
}

/** Key = stream id, so Kafka keeps each stream's events in order on one partition. */
export function toKafkaMessage(event: StoredEvent, origin: CloudEventOrigin): OutgoingKafkaMessage {
  return { key: event.streamId, value: JSON.stringify(event.data), headers: toCloudEventHeaders(event, origin) };
}

/** Reads a binary-mode CloudEvent; throws InvalidCloudEventError for anything else. */
export function parseCloudEvent<Data = unknown>(headers: IHeaders | undefined, value: Buffer | string | null): CloudEventEnvelope<Data> {
  const read = (name: string): string | undefined => headerText(headers?.[name]);
  const required = (name: string): string => {
    const text = read(name);
    if (text === undefined || text === '') throw new InvalidCloudEventError(`missing header ${name}`, { header: name });
    return text;
  };
  const specVersion = required(CE_HEADERS.specVersion);
  if (specVersion !== '1.0') throw new InvalidCloudEventError(`unsupported specversion ${specVersion}`, { specVersion });
  const streamVersion = read(CE_HEADERS.streamVersion);
  return {
    id: eventId(required(CE_HEADERS.id)),
    type: required(CE_HEADERS.type),
    source: required(CE_HEADERS.source),
    subject: read(CE_HEADERS.subject),
    time: read(CE_HEADERS.time),
    tenantId: read(CE_HEADERS.tenantId),
    correlationId: read(CE_HEADERS.correlationId),
    causationId: read(CE_HEADERS.causationId),
    streamVersion: streamVersion === undefined ? undefined : parseStreamVersion(streamVersion),
    data: parseData<Data>(read(CE_HEADERS.contentType), value),
  };
}

/** PostgreSQL text (where consumers record the ids they applied) cannot hold NUL. */
function eventId(id: string): string {
  if (id.includes('\u0000')) throw new InvalidCloudEventError(`${CE_HEADERS.id} holds a NUL character`, { header: CE_HEADERS.id });
  return id;
}

function headerText(raw: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  // A repeated header arrives as an array; the first occurrence wins, as in the SDKs.
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

function parseStreamVersion(text: string): number {
  const version = Number(text);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new InvalidCloudEventError(`invalid ${CE_HEADERS.streamVersion} ${text}`, { streamVersion: text });
  }
  return version;
}

function parseData<Data>(contentType: string | undefined, value: Buffer | string | null): Data {
  if (value === null) return null as Data;
  const text = typeof value === 'string' ? value : value.toString('utf8');
  if (contentType !== undefined && !contentType.startsWith(JSON_CONTENT_TYPE)) return text as Data;
  try {
    return JSON.parse(text) as Data;
  } catch (error) {
    throw new InvalidCloudEventError(`data is not JSON: ${(error as Error).message}`);
  }
}
