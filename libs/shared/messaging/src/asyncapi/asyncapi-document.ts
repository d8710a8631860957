import { CE_HEADERS } from '../cloud-event-headers';

export interface PublishedContext {
  /** e.g. `profiles`. */
  context: string;
  /** e.g. `profiles.events`. */
  topic: string;
  schemas: ReadonlyArray<{ type: string; version: number; schema: object }>;
}

/** CloudEvents binary-mode headers every message carries (Kafka protocol binding). */
const cloudEventHeaders = {
  type: 'object',
  required: [CE_HEADERS.specVersion, CE_HEADERS.id, CE_HEADERS.source, CE_HEADERS.type, CE_HEADERS.time, CE_HEADERS.subject, 'content-type'],
  properties: {
    [CE_HEADERS.specVersion]: { type: 'string', const: '1.0' },
    [CE_HEADERS.id]: { type: 'string', format: 'uuid', description: 'Event id (unique, stable across redelivery)' },
    [CE_HEADERS.source]: { type: 'string', description: '/trajectory/<service>' },
    [CE_HEADERS.type]: { type: 'string', description: 'trajectory.<context>.<Event>.v<N>' },
    [CE_HEADERS.time]: { type: 'string', format: 'date-time' },
    [CE_HEADERS.subject]: { type: 'string', description: 'Stream id; also the Kafka key' },
    'content-type': { type: 'string', const: 'application/json' },
    [CE_HEADERS.tenantId]: { type: 'string' },
    [CE_HEADERS.correlationId]: { type: 'string' },
    [CE_HEADERS.causationId]: { type: 'string' },
    [CE_HEADERS.streamVersion]: { type: 'string', description: 'Version of the stream after this event' },
  },
} as const;

/**
 * An AsyncAPI 3.0 document generated from the published contracts, so the description of
 * the topics can never drift from the JSON Schemas the event stores validate against.
 */
export function buildAsyncApiDocument(contexts: readonly PublishedContext[], version = '0.1.0'): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const { context, topic, schemas } of contexts) {
    const channelMessages: Record<string, unknown> = {};
    for (const { type, version: schemaVersion, schema } of schemas) {
      const name = `${context}.${type}.v${schemaVersion}`;
      messages[name] = {
        name: `trajectory.${context}.${type}.v${schemaVersion}`,
        title: `${type} (v${schemaVersion})`,
        contentType: 'application/json',
        headers: cloudEventHeaders,
        payload: schema,
        bindings: { kafka: { key: { type: 'string', description: 'Stream id' } } },
      };
      channelMessages[name] = { $ref: `#/components/messages/${name}` };
    }
    channels[context] = { address: topic, messages: channelMessages, description: `Every event of the ${context} context, keyed by stream id.` };
    operations[`publish-${context}`] = { action: 'send', channel: { $ref: `#/channels/${context}` } };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: 'Trajectory events', version, description: 'Events on Kafka as CloudEvents 1.0 in binary mode. Dead letters go to <topic>.dlq.' },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
