import { eventually } from '@trajectory/shared/testing';
import { EventSchemaViolationError } from './errors/event-schema-violation.error';
import { UnknownEventTypeError } from './errors/unknown-event-type.error';
import { PostgresEventStore } from './postgres-event-store';
import { EventSchemaRegistry } from './schema/event-schema.registry';
import { createEventStoreTestDatabase, streamName, type EventStoreTestDatabase } from './test-support/event-store-test-database';
import { UpcasterRegistry } from './upcasting/upcaster.registry';

const jobStartedV1 = {
  type: 'object',
  required: ['title', 'startedOn'],
  properties: { title: { type: 'string' }, startedOn: { type: 'string', format: 'date' } },
  additionalProperties: false,
};
const jobStartedV2 = {
  type: 'object',
  required: ['title', 'startedOn', 'level'],
  properties: { ...jobStartedV1.properties, level: { enum: ['early', 'mid', 'senior'] } },
  additionalProperties: false,
};

describe('PostgresEventStore schemas and upcasting (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;
  let unchecked: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase();
    const schemas = new EventSchemaRegistry().register('JobStarted', 1, jobStartedV1).register('JobStarted', 2, jobStartedV2);
    const upcasters = new UpcasterRegistry().register<{ title: string; startedOn: string }>('JobStarted', 1, (v1) => ({ ...v1, level: 'early' }));
    store = new PostgresEventStore(db.pool, { schemas, upcasters });
    unchecked = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('stores new events at the newest schema version', async () => {
    const streamId = streamName('person');
    await store.appendToStream(streamId, [{ type: 'JobStarted', data: { title: 'Engineer', startedOn: '2024-02-01', level: 'mid' } }], {
      expectedVersion: 'no_stream',
      tenantId: 'acme',
    });
    const { rows } = await db.pool.query<{ schema_version: number }>('SELECT schema_version FROM events WHERE stream_id = $1', [streamId]);
    expect(rows).toEqual([{ schema_version: 2 }]);
  });

  it('rejects a batch with one invalid event and stores none of it', async () => {
    const streamId = streamName('person');
    const append = store.appendToStream(
      streamId,
      [
        { type: 'JobStarted', data: { title: 'Engineer', startedOn: '2024-02-01', level: 'mid' } },
        { type: 'JobStarted', data: { title: 'Lead', startedOn: 'yesterday', level: 'principal' } },
      ],
      { expectedVersion: 'no_stream', tenantId: 'acme' },
    );
    await expect(append).rejects.toBeInstanceOf(EventSchemaViolationError);
    await expect(append).rejects.toMatchObject({
      code: 'EVENT_SCHEMA_VIOLATION',
      violations: expect.arrayContaining([expect.objectContaining({ path: '/startedOn' }), expect.objectContaining({ path: '/level' })]),
    });
    expect(await store.readStream(streamId)).toMatchObject({ currentVersion: 0, events: [] });
  });

  it('rejects a type without a schema', async () => {
    const streamId = streamName('person');
    const append = store.appendToStream(streamId, [{ type: 'JobTeleported', data: {} }], { expectedVersion: 'any', tenantId: 'acme' });
    await expect(append).rejects.toBeInstanceOf(UnknownEventTypeError);
    expect((await store.readStream(streamId)).currentVersion).toBe(0);
  });

  it('validates an explicitly older version against that version’s schema', async () => {
    const streamId = streamName('person');
    const v1 = { type: 'JobStarted', schemaVersion: 1, data: { title: 'Analyst', startedOn: '2019-09-01' } };
    await expect(store.appendToStream(streamId, [{ ...v1, data: { title: 'Analyst' } }], { expectedVersion: 'any', tenantId: 'acme' })).rejects.toBeInstanceOf(
      EventSchemaViolationError,
    );
    await store.appendToStream(streamId, [v1], { expectedVersion: 'any', tenantId: 'acme' });
    expect((await store.readStream(streamId)).currentVersion).toBe(1);
  });

  it('upcasts old events on read, in readStream and readAll alike', async () => {
    const streamId = streamName('person');
    // Written as an older release did: v1, before `level` existed.
    await unchecked.appendToStream(streamId, [{ type: 'JobStarted', schemaVersion: 1, data: { title: 'Analyst', startedOn: '2019-09-01' } }], {
      expectedVersion: 'no_stream',
      tenantId: 'acme',
    });
    const expected = { schemaVersion: 2, data: { title: 'Analyst', startedOn: '2019-09-01', level: 'early' } };

    const [fromStream] = (await store.readStream(streamId)).events;
    expect(fromStream).toMatchObject(expected);
    // readAll shows a commit once every older transaction in the cluster has finished.
    await eventually(async () => {
      const fromAll = (await store.readAll({ after: null, limit: 1000 })).find((e) => e.streamId === streamId);
      expect(fromAll).toMatchObject(expected);
    });
    // The stored row is immutable: only the reader's view changed.
    expect((await unchecked.readStream(streamId)).events[0]).toMatchObject({ schemaVersion: 1, data: { title: 'Analyst', startedOn: '2019-09-01' } });
  });
});
