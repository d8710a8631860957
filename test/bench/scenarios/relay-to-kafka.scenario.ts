import { randomBytes } from 'node:crypto';
import { PostgresEventStore, type GlobalCheckpoint } from '@trajectory/shared/event-store';
import { ensureTopics, OutboxRelay, PostgresOutboxCheckpointStore } from '@trajectory/shared/messaging';
import type { Admin } from 'kafkajs';
import { Pool } from 'pg';
import type { BenchConfig } from '../bench-config';
import { BENCH_EVENT_TYPE, BENCH_TENANT, benchPayloads } from '../bench-events';
import { benchKafka } from '../bench-kafka';
import { step } from '../progress';
import { BENCH_POOL_OPTIONS, connectAll, reportIdleErrors } from '../stores/bench-store';
import { inParallel, measurement, timed, waitUntil, type Measurement } from '../timing';
import type { ScenarioResult } from './scenario.types';
import { figures } from './store-figures';

type RelayConfig = BenchConfig['relay'];

/**
 * (d) Ours only: how fast the outbox relay drains a backlog to Kafka, from its start until
 * its stored checkpoint covers the last appended event (read, publish with acks=all,
 * checkpoint, batch after batch). The events table is emptied first so the relay sees
 * only this scenario's events; each round appends a fresh backlog, then drains it.
 */
export async function relayToKafka(config: RelayConfig, rounds: number, databaseUrl: string, settle: () => Promise<void>): Promise<ScenarioResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: config.poolSize, ...BENCH_POOL_OPTIONS });
  reportIdleErrors(pool, 'relay');
  const store = new PostgresEventStore(pool);
  const kafka = benchKafka('bench-relay');
  const admin = kafka.admin();
  const topic = `bench.relay.${Date.now().toString(36)}.${randomBytes(3).toString('hex')}`;
  const relayName = 'bench-relay';
  const newRelay = () =>
    new OutboxRelay({
      eventStore: store,
      kafka,
      checkpoints: new PostgresOutboxCheckpointStore(pool),
      relayName,
      origin: { service: 'bench', context: 'bench' },
      topic,
      batchSize: config.batchSize,
      idleIntervalMs: config.idleIntervalMs,
    });
  await admin.connect();
  try {
    await connectAll(pool, config.poolSize);
    await pool.query('TRUNCATE events, outbox_checkpoints');
    await ensureTopics(kafka, [{ topic, numPartitions: config.partitions }]);

    // Warm-up: producer connection, topic metadata, the relay's prepared statements.
    const warmUpStreams = Math.ceil(config.warmUpEvents / config.eventsPerStream);
    await appendBacklog(store, config.appendWriters, warmUpStreams, config.eventsPerStream, 'warmrelay');
    await drain(newRelay(), await lastEvent(pool), config.timeoutMs);

    const events = config.streams * config.eventsPerStream;
    const measured: Measurement[] = [];
    for (let round = 0; round < rounds; round++) {
      await settle();
      const label = `(d) relay [ours] round ${round + 1}/${rounds}`;
      await step(`${label}: append ${events.toLocaleString('en-US')} events`, () =>
        appendBacklog(store, config.appendWriters, config.streams, config.eventsPerStream, `relay${round}`),
      );
      const target = await lastEvent(pool);
      // The relay resumes from the checkpoint the previous round stored, as a restarted one would.
      const seconds = await step(`${label}: drain to Kafka`, () => drain(newRelay(), target, config.timeoutMs));
      measured.push(measurement(events, seconds));
    }
    const onTopic = await messagesInTopic(admin, topic);
    const expected = (warmUpStreams + rounds * config.streams) * config.eventsPerStream;
    if (onTopic < expected) throw new Error(`topic holds ${onTopic} messages, expected at least ${expected}`);
    return {
      id: 'd',
      title: `relay ${events.toLocaleString('en-US')} events to Kafka (batch ${config.batchSize})`,
      ours: figures(measured),
      emmett: null,
      goal: { kind: 'throughput', atLeast: 20_000 },
      details: { messagesOnTopic: onTopic, partitions: config.partitions, relayBatchSize: config.batchSize },
    };
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch((error: unknown) => process.stderr.write(`could not delete topic ${topic}: ${String(error)}\n`));
    await admin.disconnect();
    await pool.end();
  }
}

/** `streams` streams of `eventsPerStream` events, `writers` appends in flight at a time. */
async function appendBacklog(store: PostgresEventStore, writers: number, streams: number, eventsPerStream: number, prefix: string): Promise<void> {
  const batch = benchPayloads(eventsPerStream).map((data) => ({ type: BENCH_EVENT_TYPE, data }));
  let next = 0;
  await inParallel(writers, async () => {
    for (let i = next++; i < streams; i = next++) {
      await store.appendToStream(`${prefix}-${i}`, batch, { expectedVersion: 'no_stream', tenantId: BENCH_TENANT });
    }
  });
}

/**
 * Starts the relay and stops it once its checkpoint covers `target`; answers the seconds
 * from the start (producer connect included) to that checkpoint, without the stop.
 */
async function drain(relay: OutboxRelay, target: GlobalCheckpoint, timeoutMs: number): Promise<number> {
  try {
    return await timed(async () => {
      await relay.start();
      await waitUntil(() => covers(relay.lastCheckpoint, target), timeoutMs, `the relay to reach ${target.transactionId}/${target.globalPosition}`);
    });
  } finally {
    if (relay.running) await relay.stop();
  }
}

async function lastEvent(pool: Pool): Promise<GlobalCheckpoint> {
  const { rows } = await pool.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position
     FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  const row = rows[0];
  if (row === undefined) throw new Error('no events to relay');
  return { transactionId: row.transaction_id, globalPosition: row.global_position };
}

/** The log is ordered by the pair (transaction id, position), so compare the pair. */
function covers(checkpoint: GlobalCheckpoint | null, target: GlobalCheckpoint): boolean {
  if (checkpoint === null) return false;
  const tx = BigInt(checkpoint.transactionId) - BigInt(target.transactionId);
  return tx > 0n || (tx === 0n && BigInt(checkpoint.globalPosition) >= BigInt(target.globalPosition));
}

async function messagesInTopic(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
}
