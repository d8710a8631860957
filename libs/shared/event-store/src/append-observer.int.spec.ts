import { ConcurrencyError } from './errors/concurrency.error';
import { PostgresEventStore, type AppendOutcomeLabel } from './postgres-event-store';
import { createEventStoreTestDatabase, streamName, testEvent, type EventStoreTestDatabase } from './test-support/event-store-test-database';

describe('PostgresEventStore append observer (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  const observed: Array<{ seconds: number; outcome: AppendOutcomeLabel }> = [];

  beforeAll(async () => {
    db = await createEventStoreTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('reports each append with its duration and outcome, clashes as conflicts', async () => {
    const store = new PostgresEventStore(db.pool, { onAppend: (seconds, outcome) => observed.push({ seconds, outcome }) });
    const stream = streamName('observed');
    await store.appendToStream(stream, [testEvent('PersonRegistered')], { expectedVersion: 'no_stream', tenantId: 'acme' });
    await expect(store.appendToStream(stream, [testEvent('PersonRegistered')], { expectedVersion: 'no_stream', tenantId: 'acme' })).rejects.toBeInstanceOf(ConcurrencyError);

    expect(observed.map((o) => o.outcome)).toEqual(['ok', 'conflict']);
    for (const { seconds } of observed) expect(seconds).toBeGreaterThan(0);
  });
});
