import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './errors/concurrency.error';
import { DuplicateEventError } from './errors/duplicate-event.error';
import { StreamTenantMismatchError } from './errors/stream-tenant-mismatch.error';
import { PostgresEventStore } from './postgres-event-store';
import { createEventStoreTestDatabase, streamName, testEvent, type EventStoreTestDatabase } from './test-support/event-store-test-database';

const tenant = { tenantId: 'acme' } as const;

describe('PostgresEventStore batching of concurrent appends (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase();
    store = new PostgresEventStore(db.pool, { batching: { maxConcurrentBatches: 2 } });
  });
  afterAll(async () => {
    await db.dispose();
  });

  const transactionsOf = async (streams: readonly string[]) => {
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1)', [streams]);
    return rows[0]?.n;
  };

  it('a burst of appends to new streams shares commits, and every append lands', async () => {
    const streams = Array.from({ length: 64 }, () => streamName('burst'));
    const results = await Promise.all(streams.map((s) => store.appendToStream(s, [testEvent('PersonRegistered')], { expectedVersion: 'no_stream', ...tenant })));
    expect(results.map((r) => r.nextExpectedVersion)).toEqual(streams.map(() => 1));
    expect(new Set(results.flatMap((r) => r.globalPositions)).size).toBe(64);
    expect(await transactionsOf(streams)).toBeLessThan(64);
    for (const s of streams.slice(0, 3)) expect((await store.readStream(s)).currentVersion).toBe(1);
  });

  it('an append refused in a batch fails alone: each caller gets its own answer', async () => {
    const [existing, foreign, fresh, dupTarget, another] = Array.from({ length: 5 }, () => streamName('mixed'));
    const takenId = randomUUID();
    await store.appendToStream(existing as string, [testEvent('A')], { expectedVersion: 'no_stream', ...tenant });
    await store.appendToStream(foreign as string, [{ type: 'A', data: {}, eventId: takenId }], { expectedVersion: 'no_stream', tenantId: 'globex' });

    const outcomes = await Promise.allSettled([
      store.appendToStream(existing as string, [testEvent('B')], { expectedVersion: 5, ...tenant }),
      store.appendToStream(foreign as string, [testEvent('B')], { expectedVersion: 'any', ...tenant }),
      store.appendToStream(fresh as string, [testEvent('B'), testEvent('C')], { expectedVersion: 'no_stream', ...tenant }),
      store.appendToStream(dupTarget as string, [{ type: 'B', data: {}, eventId: takenId }], { expectedVersion: 'any', ...tenant }),
      store.appendToStream(another as string, [testEvent('B')], { expectedVersion: 'any', ...tenant }),
    ]);

    const [wrongVersion, wrongTenant, ok, duplicate, alsoOk] = outcomes;
    expect(wrongVersion).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect(wrongTenant).toMatchObject({ status: 'rejected', reason: expect.any(StreamTenantMismatchError) });
    expect(ok).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
    expect(duplicate).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventError) });
    expect(alsoOk).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 1 } });
    const versions = await Promise.all([existing, foreign, fresh, dupTarget, another].map(async (s) => (await store.readStream(s as string)).currentVersion));
    expect(versions).toEqual([1, 1, 2, 0, 1]);
  });

  it('appends to one stream issued together go in order, each seeing the one before', async () => {
    const streamId = streamName('chain');
    const results = await Promise.all([
      store.appendToStream(streamId, [testEvent('A')], { expectedVersion: 'no_stream', ...tenant }),
      store.appendToStream(streamId, [testEvent('B')], { expectedVersion: 1, ...tenant }),
      store.appendToStream(streamId, [testEvent('C'), testEvent('D')], { expectedVersion: 2, ...tenant }),
    ]);
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([1, 2, 4]);
    expect((await store.readStream(streamId)).events.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('gives every append its own transaction when batching is off', async () => {
    const unbatched = new PostgresEventStore(db.pool, { batching: false });
    const streams = Array.from({ length: 8 }, () => streamName('single'));
    await Promise.all(streams.map((s) => unbatched.appendToStream(s, [testEvent('A')], { expectedVersion: 'no_stream', ...tenant })));
    expect(await transactionsOf(streams)).toBe(8);
  });
});
