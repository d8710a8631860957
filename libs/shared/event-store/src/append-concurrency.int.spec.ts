import { ConcurrencyError } from './errors/concurrency.error';
import type { AppendOptions } from './event-store.types';
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

  beforeAll(async () => {
    db = await createEventStoreTestDatabase(WRITERS);
    await warmUp(db.pool, WRITERS);
  });
  afterAll(async () => {
    await db.dispose();
  });

  /**
   * One store per writer models one service replica each: their appends meet only in
   * PostgreSQL, on the unique index. Within one store, appends to a stream go in series.
   */
  const storesFor = {
    replicas: () => Array.from({ length: WRITERS }, () => new PostgresEventStore(db.pool)),
    'one store': () => new Array<PostgresEventStore>(WRITERS).fill(new PostgresEventStore(db.pool)),
    'one unbatched store': () => new Array<PostgresEventStore>(WRITERS).fill(new PostgresEventStore(db.pool, { batching: false })),
  };

  describe.each(Object.entries(storesFor))('through %s', (_, stores) => {
    const appendAll = (writers: readonly PostgresEventStore[], streamId: string, options: AppendOptions) =>
      Promise.allSettled(writers.map((store, writer) => store.appendToStream(streamId, [testEvent('GoalCheckedIn', { writer })], options)));

    it('50 parallel appends at the same expected version of one stream: exactly one wins', async () => {
      const writers = stores();
      const streamId = streamName('contended');
      await writers[0]?.appendToStream(streamId, [testEvent('GoalSet')], { expectedVersion: 'no_stream', tenantId: 'acme' });

      const outcomes = await appendAll(writers, streamId, { expectedVersion: 1, tenantId: 'acme' });

      const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(losers).toHaveLength(WRITERS - 1);
      for (const loser of losers) expect(loser).toBeInstanceOf(ConcurrencyError);
      const read = await writers[0]?.readStream(streamId);
      expect(read?.currentVersion).toBe(2);
      expect(read?.events.map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('parallel creators of one stream: one wins, the rest conflict', async () => {
      const writers = stores();
      const streamId = streamName('created');
      const outcomes = await appendAll(writers, streamId, { expectedVersion: 'no_stream', tenantId: 'acme' });
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect((await writers[0]?.readStream(streamId))?.currentVersion).toBe(1);
    });

    it('parallel appends with any all land, one after another, without a gap', async () => {
      // Across replicas each lost race costs a retry, so only as many writers as attempts.
      const writers = stores().slice(0, ANY_VERSION_ATTEMPTS);
      const streamId = streamName('any');
      const outcomes = await appendAll(writers, streamId, { expectedVersion: 'any', tenantId: 'acme' });
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      const read = await writers[0]?.readStream(streamId);
      expect(read?.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: ANY_VERSION_ATTEMPTS }, (_, i) => i + 1));
      expect(new Set(read?.events.map((e) => (e.data as { writer: number }).writer)).size).toBe(ANY_VERSION_ATTEMPTS);
    });
  });
});
