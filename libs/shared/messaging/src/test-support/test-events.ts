import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@trajectory/shared/event-store';
import { Partitioners, type Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { toKafkaMessage, type OutgoingKafkaMessage } from '../cloud-event-headers';

let position = 0;

/** A message exactly as the relay would publish it, without going through a store. */
export function cloudEventMessage(
  streamId: string,
  streamVersion: number,
  data: unknown,
  { eventId = randomUUID(), type = 'GoalSet', schemaVersion = 1 }: { eventId?: string; type?: string; schemaVersion?: number } = {},
): OutgoingKafkaMessage {
  position += 1;
  const event: StoredEvent = {
    streamId,
    streamVersion,
    globalPosition: String(position),
    transactionId: String(position),
    eventId,
    type,
    schemaVersion,
    data,
    metadata: { tenantId: 'acme', correlationId: randomUUID() },
    tenantId: 'acme',
    recordedAt: new Date(),
  };
  return toKafkaMessage(event, { service: 'goals', context: 'goals' });
}

/** One send: the messages land on their partitions in this order. */
export async function produce(kafka: Kafka, topic: string, messages: ReadonlyArray<{ key: string; value: string | null; headers?: Record<string, string> }>): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ ...m })) });
  } finally {
    await producer.disconnect();
  }
}

/** The read-model change of the consumer tests: a second effect of one event shows as 2. */
export async function createEffectsTable(pool: Pool): Promise<void> {
  await pool.query('CREATE TABLE effects (event_id text PRIMARY KEY, applied integer NOT NULL)');
}

export const APPLY_EFFECT_SQL =
  'INSERT INTO effects (event_id, applied) VALUES ($1, 1) ON CONFLICT (event_id) DO UPDATE SET applied = effects.applied + 1';

export async function effects(pool: Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ event_id: string; applied: number }>('SELECT event_id, applied FROM effects');
  return new Map(rows.map((row) => [row.event_id, row.applied]));
}

/** The group's committed offsets by partition; -1 where it never committed. */
export async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((entry?.partitions ?? []).map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}

/** Expected failures would otherwise fill the test output. */
export const quietLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
