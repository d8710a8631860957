import { Logger } from '@nestjs/common';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, eventually, uniqueName, type TestDatabase } from '@trajectory/shared/testing';
import type { KafkaMessage } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import type { OutgoingKafkaMessage } from './cloud-event-headers';
import { advanceAndCommit, beginAndClaim, type PartitionRef } from './consumer-dedupe.repository';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { messagingMigrations } from './messaging.migrations';
import { PartitionBatchApplier } from './partition-batch.applier';
import { cloudEventMessage } from './test-support/test-events';

/** Ids a producer could send: quotes, backslashes and SQL text must arrive as plain data. */
const AWKWARD_IDS = ["it's", 'back\\slash', 'q"uote', '{a,b}', 'NULL', "x'); DROP TABLE processed_events; --", 'plain-id'];

function asKafkaMessage(message: OutgoingKafkaMessage, offset: number): KafkaMessage {
  return { key: Buffer.from(message.key), value: Buffer.from(message.value), headers: message.headers, offset: String(offset), timestamp: '0', attributes: 0 } as KafkaMessage;
}

/** Whether a transaction block was begun before this query (outside one, each statement starts its own). */
async function insideTransaction(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ inside: boolean }>('SELECT xact_start < query_start AS inside FROM pg_stat_activity WHERE pid = pg_backend_pid()');
  return rows[0]?.inside === true;
}

describe('consumer dedupe statements (PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('dedupe');
    await runMigrations(database.url, messagingMigrations);
    pool = new Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const refFor = (): PartitionRef => ({ groupId: uniqueName("group'"), topic: uniqueName('topic\\'), partition: 2 });

  it('begins with the claim and commits with the advance, storing awkward ids and names verbatim', async () => {
    const ref = refFor();
    const client = await pool.connect();
    try {
      const first = await beginAndClaim(client, ref, AWKWARD_IDS.map((eventId, i) => ({ eventId, offset: String(i) })));
      expect(first).toEqual({ nextOffset: 0n, claimed: new Set(AWKWARD_IDS) });
      expect(await insideTransaction(client)).toBe(true);
      await advanceAndCommit(client, ref, BigInt(AWKWARD_IDS.length), { channel: 'dedupe_spec', payload: "a'b\\c" });
      expect(await insideTransaction(client)).toBe(false);

      // A redelivery of the same range: nothing left to claim, the offset as committed.
      const again = await beginAndClaim(client, ref, [{ eventId: "it's", offset: '0' }]);
      expect(again).toEqual({ nextOffset: BigInt(AWKWARD_IDS.length), claimed: new Set() });
      await advanceAndCommit(client, ref, 1n);
    } finally {
      client.release();
    }
    const { rows } = await pool.query<{ event_id: string; group_id: string; topic: string }>(
      'SELECT event_id, group_id, topic FROM processed_events WHERE group_id = $1 ORDER BY kafka_offset',
      [ref.groupId],
    );
    expect(rows).toEqual(AWKWARD_IDS.map((eventId) => ({ event_id: eventId, group_id: ref.groupId, topic: ref.topic })));
    const offsets = await pool.query('SELECT next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3', [ref.groupId, ref.topic, ref.partition]);
    expect(offsets.rows).toEqual([{ next_offset: String(AWKWARD_IDS.length) }]);
  });

  it('skips the COMMIT when the advance fails: the transaction stays open and failed, and a rollback leaves nothing behind', async () => {
    const ref = refFor();
    const client = await pool.connect();
    try {
      await beginAndClaim(client, ref, [{ eventId: uniqueName('evt'), offset: '7' }]);
      // An empty channel name makes pg_notify fail inside the advance statement.
      await expect(advanceAndCommit(client, ref, 8n, { channel: '', payload: 'x' })).rejects.toThrow(/channel name cannot be empty/);
      await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: '25P02' }); // in a failed transaction
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM processed_events WHERE group_id = $1', [ref.groupId]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('a session that lost the prepared statements fails its transaction once; the applier closes that connection and the retry applies the batch', async () => {
    const ref = refFor();
    const applied: Array<{ id: string; pid: number }> = [];
    let sabotage = true;
    const applier = new PartitionBatchApplier({
      pool,
      groupId: ref.groupId,
      handler: async (event, tx) => {
        // As a DISCARD ALL or a pooler switching sessions would: the statements are gone.
        if (sabotage) await tx.query('DEALLOCATE ALL');
        sabotage = false;
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        applied.push({ id: event.id, pid: rows[0]?.pid ?? -1 });
      },
      deadLetters: { publish: () => Promise.reject(new Error('nothing may be dead-lettered here')) } as unknown as DeadLetterPublisher,
      maxAttempts: 1,
      retryBackoffMs: 0,
      logger: new Logger('consumer dedupe spec'),
    });
    const ids = [`${ref.groupId}-first`, `${ref.groupId}-second`];
    const messages = ids.map((eventId, i) => asKafkaMessage(cloudEventMessage('stream-1', i + 1, {}, { eventId }), i));

    await expect(applier.apply(ref.topic, ref.partition, messages, () => Promise.resolve())).rejects.toMatchObject({ code: '26000' });
    const stats = await applier.apply(ref.topic, ref.partition, messages, () => Promise.resolve());

    expect(stats).toMatchObject({ handled: 2, skipped: 0, deadLettered: 0 });
    const [failed, , retried] = applied;
    expect(applied.map((a) => a.id)).toEqual([...ids, ...ids]);
    expect(retried?.pid).not.toBe(failed?.pid);
    // The connection that lost them was closed, not handed back to the pool.
    await eventually(async () => {
      const { rows } = await pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [failed?.pid]);
      expect(rows).toEqual([]);
    });
    const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM processed_events WHERE group_id = $1 ORDER BY kafka_offset', [ref.groupId]);
    expect(rows.map((row) => row.event_id)).toEqual(ids);
  });

  it('refuses ids and offsets that cannot travel as literals before sending anything', async () => {
    const ref = refFor();
    const client = await pool.connect();
    try {
      await expect(beginAndClaim(client, ref, [{ eventId: 'nul\u0000id', offset: '1' }])).rejects.toThrow(/NUL/);
      await expect(beginAndClaim(client, ref, [{ eventId: 'ok', offset: '1; DROP TABLE x' }])).rejects.toThrow(/not a Kafka offset/);
      // Nothing was sent: the connection is not inside a transaction.
      expect(await insideTransaction(client)).toBe(false);
    } finally {
      client.release();
    }
  });
});
