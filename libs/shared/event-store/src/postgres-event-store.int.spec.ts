import { randomUUID } from 'node:crypto';
import { types } from 'pg';
import { ConcurrencyError } from './errors/concurrency.error';
import { DuplicateEventError } from './errors/duplicate-event.error';
import { StreamTenantMismatchError } from './errors/stream-tenant-mismatch.error';
import { PostgresEventStore } from './postgres-event-store';
import { createEventStoreTestDatabase, streamName, testEvent, type EventStoreTestDatabase } from './test-support/event-store-test-database';

describe('PostgresEventStore (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db.dispose();
  });

  const versionsOf = async (streamId: string) => (await store.readStream(streamId)).events.map((e) => e.streamVersion);

  it('stores events and reads them back with their metadata', async () => {
    const streamId = streamName('goal');
    const eventId = randomUUID();
    const result = await store.appendToStream(streamId, [{ type: 'GoalSet', data: { title: 'Lead a team' }, eventId }], {
      expectedVersion: 'no_stream',
      tenantId: 'acme',
      correlationId: 'corr-1',
      actor: 'user-7',
    });
    expect(result.nextExpectedVersion).toBe(1);
    expect(result.globalPositions).toHaveLength(1);

    const read = await store.readStream(streamId);
    expect(read.currentVersion).toBe(1);
    expect(read.tenantId).toBe('acme');
    expect(read.events).toEqual([
      expect.objectContaining({
        streamId,
        streamVersion: 1,
        globalPosition: result.globalPositions[0],
        eventId,
        type: 'GoalSet',
        schemaVersion: 1,
        data: { title: 'Lead a team' },
        metadata: { tenantId: 'acme', correlationId: 'corr-1', causationId: 'corr-1', actor: 'user-7' },
        tenantId: 'acme',
      }),
    ]);
    expect(read.events[0]?.transactionId).toMatch(/^\d+$/);
    expect(read.events[0]?.recordedAt).toBeInstanceOf(Date);
  });

  it('stores lean metadata rows (no tenant, no causation equal to the correlation) and reads the full metadata back', async () => {
    const streamId = streamName('goal');
    await store.appendToStream(streamId, [testEvent('GoalSet', {})], { expectedVersion: 'no_stream', tenantId: 'acme', correlationId: 'c-1' });
    await store.appendToStream(streamId, [testEvent('GoalSet', {})], { expectedVersion: 1, tenantId: 'acme', correlationId: 'c-1', causationId: 'e-1' });
    const { rows } = await db.pool.query<{ metadata: unknown }>('SELECT metadata FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId]);
    expect(rows.map((row) => row.metadata)).toEqual([{ correlationId: 'c-1' }, { correlationId: 'c-1', causationId: 'e-1' }]);
    const read = await store.readStream(streamId);
    expect(read.events.map((event) => event.metadata)).toEqual([
      { tenantId: 'acme', correlationId: 'c-1', causationId: 'c-1' },
      { tenantId: 'acme', correlationId: 'c-1', causationId: 'e-1' },
    ]);
  });

  it("parses event JSON itself, whatever another library did to pg's global jsonb parser", async () => {
    const streamId = streamName('goal');
    await store.appendToStream(streamId, [testEvent('GoalSet', { title: 'Lead a team' })], { expectedVersion: 'no_stream', tenantId: 'acme' });
    const JSONB = 3802;
    const original = types.getTypeParser(JSONB);
    types.setTypeParser(JSONB, () => 'replaced by another library');
    try {
      const [viaStream] = (await store.readStream(streamId)).events;
      const viaAll = (await store.readAll({ after: null, limit: 100_000 })).find((event) => event.streamId === streamId);
      expect(viaStream?.data).toEqual({ title: 'Lead a team' });
      expect(viaAll?.metadata.tenantId).toBe('acme');
      expect(viaAll?.data).toEqual({ title: 'Lead a team' });
    } finally {
      types.setTypeParser(JSONB, original);
    }
  });

  it('appends many events in one call with consecutive versions and rising positions', async () => {
    const streamId = streamName('person');
    const events = Array.from({ length: 100 }, (_, i) => testEvent('SkillAssessed', { i }));
    const result = await store.appendToStream(streamId, events, { expectedVersion: 'no_stream', tenantId: 'acme' });
    expect(result.nextExpectedVersion).toBe(100);
    const positions = result.globalPositions.map(BigInt);
    expect(positions.every((p, i) => i === 0 || p > (positions[i - 1] as bigint))).toBe(true);

    const read = await store.readStream(streamId);
    expect(read.events.map((e) => e.data)).toEqual(events.map((e) => e.data));
    expect(read.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(read.events.map((e) => e.transactionId)).size).toBe(1);
  });

  it('reads a version range and still reports the current version', async () => {
    const streamId = streamName('range');
    await store.appendToStream(streamId, [1, 2, 3, 4].map((i) => testEvent('E', { i })), { expectedVersion: 'any', tenantId: 't' });
    const middle = await store.readStream(streamId, { fromVersion: 2, toVersion: 3 });
    expect(middle.events.map((e) => e.streamVersion)).toEqual([2, 3]);
    expect(middle.currentVersion).toBe(4);
    const beyond = await store.readStream(streamId, { fromVersion: 9 });
    expect(beyond).toEqual({ events: [], currentVersion: 4, tenantId: 't' });
    expect(await store.readStream(streamName('missing'))).toEqual({ events: [], currentVersion: 0, tenantId: undefined });
  });

  it('refuses no_stream on an existing stream', async () => {
    const streamId = streamName('goal');
    await store.appendToStream(streamId, [testEvent('GoalSet')], { expectedVersion: 'no_stream', tenantId: 'acme' });
    const second = store.appendToStream(streamId, [testEvent('GoalSet')], { expectedVersion: 'no_stream', tenantId: 'acme' });
    await expect(second).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(second).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamId, actualVersion: 1 });
    expect(await versionsOf(streamId)).toEqual([1]);
  });

  it('accepts the exact version and refuses a higher or lower one without leaving a gap', async () => {
    const streamId = streamName('goal');
    await store.appendToStream(streamId, [testEvent('A'), testEvent('B')], { expectedVersion: 'no_stream', tenantId: 'acme' });

    const ahead = store.appendToStream(streamId, [testEvent('C')], { expectedVersion: 5, tenantId: 'acme' });
    await expect(ahead).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT', expectedVersion: 5, actualVersion: 2 });
    const behind = store.appendToStream(streamId, [testEvent('C')], { expectedVersion: 1, tenantId: 'acme' });
    await expect(behind).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT', expectedVersion: 1, actualVersion: 2 });
    expect(await versionsOf(streamId)).toEqual([1, 2]);

    const exact = await store.appendToStream(streamId, [testEvent('C')], { expectedVersion: 2, tenantId: 'acme' });
    expect(exact.nextExpectedVersion).toBe(3);
    expect(await versionsOf(streamId)).toEqual([1, 2, 3]);
  });

  it('refuses a version ahead of a stream that does not exist yet', async () => {
    const streamId = streamName('goal');
    await expect(store.appendToStream(streamId, [testEvent('A')], { expectedVersion: 3, tenantId: 'acme' })).rejects.toMatchObject({
      actualVersion: 0,
    });
    expect(await store.readStream(streamId)).toMatchObject({ currentVersion: 0, events: [] });
  });

  it('appends after the current head with any', async () => {
    const streamId = streamName('any');
    expect((await store.appendToStream(streamId, [testEvent('A')], { expectedVersion: 'any', tenantId: 'acme' })).nextExpectedVersion).toBe(1);
    expect((await store.appendToStream(streamId, [testEvent('B'), testEvent('C')], { expectedVersion: 'any', tenantId: 'acme' })).nextExpectedVersion).toBe(3);
    expect(await versionsOf(streamId)).toEqual([1, 2, 3]);
  });

  it('keeps a stream to the tenant that created it', async () => {
    const streamId = streamName('pay');
    await store.appendToStream(streamId, [testEvent('PaySet')], { expectedVersion: 'no_stream', tenantId: 'acme' });
    for (const expectedVersion of ['any', 1] as const) {
      const foreign = store.appendToStream(streamId, [testEvent('PayAdjusted')], { expectedVersion, tenantId: 'globex' });
      await expect(foreign).rejects.toBeInstanceOf(StreamTenantMismatchError);
      await expect(foreign).rejects.toMatchObject({ code: 'STREAM_TENANT_MISMATCH', streamId, tenantId: 'globex' });
    }
    expect(await versionsOf(streamId)).toEqual([1]);
  });

  it('refuses an event id that is already stored, and stores none of its batch', async () => {
    const eventId = randomUUID();
    await store.appendToStream(streamName('dup'), [{ type: 'A', data: {}, eventId }], { expectedVersion: 'any', tenantId: 't' });
    const streamId = streamName('dup');
    const again = store.appendToStream(streamId, [testEvent('B'), { type: 'A', data: {}, eventId }], { expectedVersion: 'any', tenantId: 't' });
    await expect(again).rejects.toBeInstanceOf(DuplicateEventError);
    await expect(again).rejects.toMatchObject({ code: 'DUPLICATE_EVENT', eventId });
    expect(await store.readStream(streamId)).toMatchObject({ currentVersion: 0 });
  });

  it("appends inside the caller's transaction, which decides whether it is kept", async () => {
    const client = await db.pool.connect();
    const streamId = streamName('tx');
    try {
      await client.query('BEGIN');
      await store.appendToStreamWith(client, streamId, [testEvent('A')], { expectedVersion: 'no_stream', tenantId: 't' });
      expect(await versionsOf(streamId)).toEqual([]);
      await client.query('ROLLBACK');
      expect(await versionsOf(streamId)).toEqual([]);

      await client.query('BEGIN');
      const result = await store.appendToStreamWith(client, streamId, [testEvent('A')], { expectedVersion: 'no_stream', tenantId: 't' });
      await client.query('COMMIT');
      expect(result.nextExpectedVersion).toBe(1);
      expect(await versionsOf(streamId)).toEqual([1]);
    } finally {
      client.release();
    }
  });
});
