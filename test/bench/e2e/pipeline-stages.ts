import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { percentiles, type Percentiles } from './percentiles';

export interface PipelineStages {
  /** Events of the window found at every stage. */
  events: number;
  /** Append's transaction start → the Kafka message's timestamp (the relay's producer sets it when it sends). */
  appendToKafkaMs: Percentiles;
  /** The Kafka message's timestamp → the start of the consumer transaction that applied it. */
  kafkaToConsumerMs: Percentiles;
}

export interface PipelineStagesInput {
  profilesDatabaseUrl: string;
  careerDatabaseUrl: string;
  brokers: string[];
  topic: string;
  /** The window: events recorded in it are measured. */
  from: Date;
  to: Date;
}

const CAUGHT_UP_TIMEOUT_MS = 30_000;

/**
 * Where freshness goes, per event rather than per sampled command: the three timestamps
 * every event leaves behind (all from this machine's clock), read after the load. The
 * stage after the consumer's transaction start (its statements, its commit and the
 * waiting read's wake-up) is the rest of the freshness figure.
 */
export async function measurePipelineStages(input: PipelineStagesInput): Promise<PipelineStages> {
  const recorded = await queryTimes(input.profilesDatabaseUrl, 'SELECT event_id, recorded_at AS at FROM events WHERE recorded_at >= $1 AND recorded_at < $2', [input.from, input.to]);
  const applied = await waitForApplied(input.careerDatabaseUrl, [...recorded.keys()]);
  const published = await kafkaTimestamps(input.brokers, input.topic);
  const appendToKafka: number[] = [];
  const kafkaToConsumer: number[] = [];
  for (const [id, recordedAt] of recorded) {
    const sentAt = published.get(id);
    const appliedAt = applied.get(id);
    if (sentAt === undefined || appliedAt === undefined) continue;
    appendToKafka.push(sentAt - recordedAt);
    kafkaToConsumer.push(appliedAt - sentAt);
  }
  return { events: appendToKafka.length, appendToKafkaMs: percentiles(appendToKafka), kafkaToConsumerMs: percentiles(kafkaToConsumer) };
}

async function queryTimes(url: string, sql: string, values: unknown[]): Promise<Map<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ event_id: string; at: Date }>(sql, values);
    return new Map(rows.map((row) => [row.event_id, row.at.getTime()]));
  } finally {
    await client.end();
  }
}

/** The consumer may still be applying the window's last events: waits until it holds them all. */
async function waitForApplied(url: string, ids: string[]): Promise<Map<string, number>> {
  const deadline = Date.now() + CAUGHT_UP_TIMEOUT_MS;
  for (;;) {
    const applied = await queryTimes(url, 'SELECT event_id, processed_at AS at FROM processed_events WHERE event_id = ANY($1)', [ids]);
    if (applied.size >= ids.length) return applied;
    if (Date.now() > deadline) throw new Error(`the consumer applied ${applied.size} of ${ids.length} events of the window within ${CAUGHT_UP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every message of the topic, by CloudEvent id: read from the beginning up to the end offsets of now. */
async function kafkaTimestamps(brokers: string[], topic: string): Promise<Map<string, number>> {
  const kafka = new Kafka({ clientId: 'bench-stages', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-stages-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const timestamps = new Map<string, number>();
  const next = new Map([...ends.keys()].map((partition) => [partition, 0n]));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const caughtUp = () => [...ends].every(([partition, end]) => (next.get(partition) ?? 0n) >= end);
      if (caughtUp()) return resolve();
      const timer = setTimeout(() => reject(new Error(`reading ${topic} took over ${CAUGHT_UP_TIMEOUT_MS} ms`)), CAUGHT_UP_TIMEOUT_MS);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const id = message.headers?.['ce_id']?.toString();
            if (id !== undefined) timestamps.set(id, Number(message.timestamp));
            next.set(partition, BigInt(message.offset) + 1n);
            if (caughtUp()) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return timestamps;
}
