import type { PoolClient } from 'pg';
import { eventually } from '@trajectory/shared/testing';
import type { GlobalCheckpoint, StoredEvent } from './event-store.types';
import { PostgresEventStore } from './postgres-event-store';
import { createEventStoreTestDatabase, streamName, testEvent, type EventStoreTestDatabase } from './test-support/event-store-test-database';
import { checkpointOf, currentCheckpoint, drain } from './test-support/read-all.test-helpers';

const tenant = { tenantId: 'acme' } as const;

describe('readAll (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;
  let first: PoolClient;
  let second: PoolClient;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  beforeEach(async () => {
    [first, second] = await Promise.all([db.pool.connect(), db.pool.connect()]);
  });
  afterEach(async () => {
    // A failed assertion may leave a transaction open; it must not leak into the next test.
    for (const client of [first, second]) {
      await client.query('ROLLBACK');
      client.release();
    }
  });
  afterAll(async () => {
    await db.dispose();
  });

  const positions = (events: readonly StoredEvent[]) => events.map((e) => e.globalPosition);
  /**
   * Visibility waits for every older transaction in the whole PostgreSQL cluster, including
   * other suites' databases, so reads keep to this test's streams and wait when they must.
   */
  const readMine = async (after: GlobalCheckpoint | null, streams: readonly string[]) =>
    (await store.readAll({ after, limit: 1000 })).filter((e) => streams.includes(e.streamId));

  it('reads the log from the start in pages, in append order', async () => {
    const streamId = streamName('paged');
    await store.appendToStream(streamId, [1, 2, 3, 4, 5].map((i) => testEvent('E', { i })), { expectedVersion: 'no_stream', ...tenant });
    const all = await eventually(async () => {
      const read = await drain(store, null, 2);
      expect(read.filter((e) => e.streamId === streamId).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
      return read;
    });
    expect(new Set(positions(all)).size).toBe(all.length);
    await expect(store.readAll({ after: null, limit: 0 })).rejects.toThrow(RangeError);
  });

  it('does not hand out a later commit while an earlier position is still in flight', async () => {
    const after = await currentCheckpoint(store);
    const streams = [streamName('early'), streamName('late')] as const;
    await first.query('BEGIN');
    const early = await store.appendToStreamWith(first, streams[0], [testEvent('A')], { expectedVersion: 'no_stream', ...tenant });
    await second.query('BEGIN');
    const late = await store.appendToStreamWith(second, streams[1], [testEvent('B')], { expectedVersion: 'no_stream', ...tenant });
    await second.query('COMMIT');

    const [earlyPosition, latePosition] = [early.globalPositions[0] as string, late.globalPositions[0] as string];
    expect(BigInt(earlyPosition)).toBeLessThan(BigInt(latePosition));
    // The later row is committed and visible to any plain query; a reader that took it now
    // and checkpointed past it would never come back for the earlier one.
    const plain = await db.pool.query('SELECT global_position::text AS p FROM events WHERE global_position >= $1', [earlyPosition]);
    expect(plain.rows).toEqual([{ p: latePosition }]);
    expect(await readMine(after, streams)).toEqual([]);

    await first.query('COMMIT');
    const read = await eventually(async () => {
      const mine = await readMine(after, streams);
      expect(positions(mine)).toEqual([earlyPosition, latePosition]);
      return mine;
    });
    expect(positions(await readMine(checkpointOf(read[0] as StoredEvent), streams))).toEqual([latePosition]);
  });

  it('checkpoints on the pair: a lower position in a younger transaction is not skipped', async () => {
    const after = await currentCheckpoint(store);
    // The older transaction takes its id before it appends, as one that wrote elsewhere
    // first would; the younger one then appends first and gets the lower position.
    await first.query('BEGIN');
    await first.query('SELECT pg_current_xact_id()');
    await second.query('BEGIN');
    const streams = [streamName('younger'), streamName('older')] as const;
    const younger = await store.appendToStreamWith(second, streams[0], [testEvent('A')], { expectedVersion: 'no_stream', ...tenant });
    const older = await store.appendToStreamWith(first, streams[1], [testEvent('B')], { expectedVersion: 'no_stream', ...tenant });
    const [lower, higher] = [younger.globalPositions[0] as string, older.globalPositions[0] as string];
    expect(BigInt(lower)).toBeLessThan(BigInt(higher));

    await first.query('COMMIT');
    const seen = await eventually(async () => {
      const mine = await readMine(after, streams);
      expect(positions(mine)).toEqual([higher]);
      return mine;
    });
    const checkpoint = checkpointOf(seen[0] as StoredEvent);

    await second.query('COMMIT');
    // A checkpoint on position alone (> higher) would skip `lower` for ever.
    await eventually(async () => expect(positions(await readMine(checkpoint, streams))).toEqual([lower]));
  });
});
