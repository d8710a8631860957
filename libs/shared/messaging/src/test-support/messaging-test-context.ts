import { eventStoreMigrations, PostgresEventStore, type AppendOptions, type NewEvent } from '@trajectory/shared/event-store';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, testKafka, uniqueName, type TestDatabase } from '@trajectory/shared/testing';
import type { Admin, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { messagingMigrations } from '../messaging.migrations';

export interface MessagingTestContext {
  database: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  kafka: Kafka;
  admin: Admin;
  /** Creates uniquely named topics (and their `.dlq` twins when asked) that dispose() deletes. */
  createTopic(prefix: string, options?: { partitions?: number; withDlq?: boolean }): Promise<string>;
  dispose(): Promise<void>;
}

/** A fresh, migrated database and a Kafka admin for one suite: nothing shared between runs. */
export async function openMessagingTestContext(prefix: string, poolSize = 10): Promise<MessagingTestContext> {
  const database = await createTestDatabase(prefix);
  await runMigrations(database.url, [...eventStoreMigrations, ...messagingMigrations]);
  const pool = new Pool({ connectionString: database.url, max: poolSize });
  const kafka = testKafka(uniqueName(prefix));
  const admin = kafka.admin();
  await admin.connect();
  const topics: string[] = [];
  return {
    database,
    pool,
    store: new PostgresEventStore(pool),
    kafka,
    admin,
    createTopic: async (topicPrefix, { partitions = 3, withDlq = false } = {}) => {
      const topic = uniqueName(topicPrefix);
      const names = withDlq ? [topic, `${topic}.dlq`] : [topic];
      await admin.createTopics({ topics: names.map((name) => ({ topic: name, numPartitions: partitions })), waitForLeaders: true });
      topics.push(...names);
      return topic;
    },
    dispose: async () => {
      if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

/**
 * The write path's shape: BEGIN, the append as the transaction's first write, then
 * whatever else the unit of work does (here: a delay), then COMMIT.
 */
export async function appendInTransaction(
  context: Pick<MessagingTestContext, 'pool' | 'store'>,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
  commitDelayMs = 0,
): Promise<void> {
  const client = await context.pool.connect();
  try {
    await client.query('BEGIN');
    await context.store.appendToStreamWith(client, streamId, events, options);
    if (commitDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, commitDelayMs));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** How many messages a topic holds: the sum of its partitions' high watermarks. */
export async function messagesInTopic(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
}
