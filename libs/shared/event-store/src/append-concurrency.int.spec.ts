import { ConcurrencyError } from './errors/concurrency.error';
import { ANY_VERSION_ATTEMPTS, PostgresEventStore } from './postgres-event-store';
import {
  createEventStoreTestDatabase,
  streamName,
  testEvent,
  warmUp,
  type EventStoreTestDatabase,
} from './test-support/event-store-test-database';

const WRITERS = 50;

describe('PostgresEventStore under concurrent appends (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase(WRITERS);
    store = new PostgresEventStore(db.pool);
    await warmUp(db.pool, WRITERS);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('50 parallel appends at the same expected version of one stream: exactly one wins', async () => {
    const streamId = streamName('contended');
    await store.appendToStream(streamId, [testEvent('GoalSet')], { expectedVersion: 'no_stream', tenantId: 'acme' });

    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) =>
        store.appendToStream(streamId, [testEvent('GoalCheckedIn', { writer })], { expectedVersion: 1, tenantId: 'acme' }),
      ),
    );

    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(WRITERS - 1);
    for (const loser of losers) expect(loser).toBeInstanceOf(ConcurrencyError);

    const read = await store.readStream(streamId);
    expect(read.currentVersion).toBe(2);
    expect(read.events.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('as many parallel appends with any as there are attempts all land, without a gap', async () => {
    const streamId = streamName('any');
    await Promise.all(
      Array.from({ length: ANY_VERSION_ATTEMPTS }, (_, writer) =>
        store.appendToStream(streamId, [testEvent('SessionHeld', { writer })], { expectedVersion: 'any', tenantId: 'acme' }),
      ),
    );
    const read = await store.readStream(streamId);
    expect(read.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: ANY_VERSION_ATTEMPTS }, (_, i) => i + 1));
    expect(new Set(read.events.map((e) => (e.data as { writer: number }).writer)).size).toBe(ANY_VERSION_ATTEMPTS);
  });

  it('parallel creators of one stream: one wins, the rest conflict', async () => {
    const streamId = streamName('created');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.appendToStream(streamId, [testEvent('PersonRegistered')], { expectedVersion: 'no_stream', tenantId: 'acme' })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((await store.readStream(streamId)).currentVersion).toBe(1);
  });
});
