import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './errors/concurrency.error';
import { PiiProtection } from './pii/pii-protection';
import { PostgresPiiKeyStore } from './pii/pii-key.store';
import { PostgresEventStore } from './postgres-event-store';
import { createEventStoreTestDatabase, streamName, type EventStoreTestDatabase } from './test-support/event-store-test-database';

describe('crypto-shredding of personal fields (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase();
    const pii = new PiiProtection({
      fields: { PersonRegistered: ['givenName', 'email'], PersonUpdated: ['changes.email'] },
      subjectOf: (_type, data) => (data as { personId?: string }).personId,
      keys: new PostgresPiiKeyStore(db.pool),
    });
    store = new PostgresEventStore(db.pool, { pii });
  });
  afterAll(async () => {
    await db.dispose();
  });

  const rawData = async (stream: string) => (await db.pool.query<{ data: string }>('SELECT data::text AS data FROM events WHERE stream_id = $1 ORDER BY stream_version', [stream])).rows.map((r) => r.data).join('\n');

  it('stores personal fields sealed and reads them back in plaintext until the subject is erased', async () => {
    const personId = randomUUID();
    const stream = streamName('person');
    const name = `Grace-${randomUUID()}`;
    await store.appendToStream(stream, [{ type: 'PersonRegistered', data: { personId, givenName: name, email: `${name}@example.com`, hireDate: '2020-01-01' } }], { expectedVersion: 'no_stream', tenantId: 'acme' });
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendToStreamWith(client, stream, [{ type: 'PersonUpdated', data: { personId, changes: { email: `new-${name}@example.com` } } }], { expectedVersion: 1, tenantId: 'acme' });
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    expect(await rawData(stream)).not.toContain(name);
    expect(await rawData(stream)).toContain('2020-01-01');
    const before = await store.readStream(stream);
    expect(before.events.map((e) => e.data)).toEqual([
      { personId, givenName: name, email: `${name}@example.com`, hireDate: '2020-01-01' },
      { personId, changes: { email: `new-${name}@example.com` } },
    ]);

    expect(await store.eraseSubject(personId)).toBe(true);
    const after = await store.readStream(stream);
    expect(after.events.map((e) => e.data)).toEqual([
      { personId, givenName: null, email: null, hireDate: '2020-01-01' },
      { personId, changes: { email: null } },
    ]);
    const all = await store.readAll({ after: null, limit: 1000 });
    expect(JSON.stringify(all.filter((e) => e.streamId === stream))).not.toContain(name);
    expect(await rawData(stream)).not.toContain(name);
    expect(await store.eraseSubject(personId)).toBe(false);
  });

  it('leaves events without personal fields untouched', async () => {
    const stream = streamName('job');
    await store.appendToStream(stream, [{ type: 'JobStarted', data: { personId: randomUUID(), title: 'Engineer' } }], { expectedVersion: 'no_stream', tenantId: 'acme' });
    expect(await rawData(stream)).toContain('Engineer');
  });

  it('gives racing first appends for one subject one and the same key', async () => {
    const keys = new PostgresPiiKeyStore(db.pool);
    const subject = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => keys.getOrCreate([subject])));
    const distinct = new Set(results.map((map) => map.get(subject)?.toString('hex')));
    expect(distinct.size).toBe(1);
    expect([...distinct][0]).toHaveLength(64);
  });

  describe("a new stream's keys", () => {
    const register = (stream: string, personId: string, name: string) =>
      store.appendToStream(stream, [{ type: 'PersonRegistered', data: { personId, givenName: name, email: `${name}@example.com` } }], { expectedVersion: 'no_stream', tenantId: 'acme' });
    const storedKey = async (subject: string) =>
      (await db.pool.query<{ key: Buffer }>('SELECT key FROM pii_keys WHERE subject_id = $1', [subject])).rows.map((row) => row.key.toString('hex'));
    const namesIn = async (stream: string) => (await store.readStream<{ givenName: string | null }>(stream)).events.map((event) => event.data.givenName);

    afterEach(() => jest.restoreAllMocks());

    it('are stored by the append itself, with no round trip of their own', async () => {
      const getOrCreate = jest.spyOn(PostgresPiiKeyStore.prototype, 'getOrCreate');
      const personId = randomUUID();
      const stream = streamName('person');
      await register(stream, personId, 'Ada');
      expect(getOrCreate).not.toHaveBeenCalled();
      expect(await storedKey(personId)).toHaveLength(1);
      expect(await namesIn(stream)).toEqual(['Ada']);
    });

    it('give way to a key the subject already has: the data is sealed with the stored one', async () => {
      const personId = randomUUID();
      const [existing] = (await new PostgresPiiKeyStore(db.pool).getOrCreate([personId])).values();
      const stream = streamName('person');
      await register(stream, personId, 'Grace');
      expect(await storedKey(personId)).toEqual([existing?.toString('hex')]);
      expect(await namesIn(stream)).toEqual(['Grace']);
      expect(await rawData(stream)).not.toContain('Grace');
    });

    it('are not stored when the append is refused', async () => {
      const stream = streamName('person');
      await register(stream, randomUUID(), 'Hedy');
      const newcomer = randomUUID();
      await expect(register(stream, newcomer, 'Radia')).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await storedKey(newcomer)).toEqual([]);
    });

    it('go in together for concurrent appends, one of whose subjects has a key already', async () => {
      const people = Array.from({ length: 12 }, () => ({ personId: randomUUID(), stream: streamName('person') }));
      const [first] = people;
      await new PostgresPiiKeyStore(db.pool).getOrCreate([first?.personId ?? '']);
      await Promise.all(people.map(({ personId, stream }, i) => register(stream, personId, `Person${i}`)));
      for (const [i, { personId, stream }] of people.entries()) {
        expect(await storedKey(personId)).toHaveLength(1);
        expect(await namesIn(stream)).toEqual([`Person${i}`]);
      }
    });
  });
});
