import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { ConcurrencyError } from './errors/concurrency.error';
import type { NewEvent, StoredEvent } from './event-store.types';
import { PostgresEventStore } from './postgres-event-store';
import {
  createEventStoreTestDatabase,
  streamName,
  warmUp,
  type EventStoreTestDatabase,
} from './test-support/event-store-test-database';
import { checkpointOf, currentCheckpoint, drain } from './test-support/read-all.test-helpers';

const WRITERS = 20;
const ROUNDS = 6;
const SHARED_STREAMS = Array.from({ length: 4 }, () => streamName('shared'));
const OWN_STREAMS = Array.from({ length: WRITERS }, () => streamName('own'));
const tenant = { tenantId: 'acme' } as const;

/** A commit that takes a while, as under load: the delay is the point, nothing waits on it. */
const commitDelay = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 51)));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

describe('readAll gap safety (PostgreSQL)', () => {
  let db: EventStoreTestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreTestDatabase(WRITERS + 4);
    store = new PostgresEventStore(db.pool);
    await warmUp(db.pool, WRITERS + 1);
  });
  afterAll(async () => {
    await db.dispose();
  });

  async function countEvents(): Promise<number> {
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM events');
    return Number(rows[0]?.n);
  }

  async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      const result = await work();
      await commitDelay();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }

  it('20 writers with random commit delays: a concurrent reader sees every event exactly once, in stream order', async () => {
    const startCheckpoint = await currentCheckpoint(store);
    const countBefore = await countEvents();
    let checkpoint = startCheckpoint;
    const appended: string[] = [];
    const seen: StoredEvent[] = [];
    let writing = true;

    async function writer(index: number): Promise<void> {
      const client = await db.pool.connect();
      try {
        for (let round = 0; round < ROUNDS; round++) {
          // Own streams interleave across the log; shared ones also race for versions.
          const streamId = round % 2 === 0 ? (OWN_STREAMS[index] as string) : pick(SHARED_STREAMS);
          const events: NewEvent[] = Array.from({ length: 1 + (round % 3) }, (_, k) => ({ type: 'E', data: { index, round, k }, eventId: randomUUID() }));
          for (;;) {
            try {
              await inTransaction(client, () => store.appendToStreamWith(client, streamId, events, { expectedVersion: 'any', ...tenant }));
              appended.push(...events.map((e) => e.eventId as string));
              break;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        }
      } finally {
        client.release();
      }
    }

    async function readOnce(): Promise<void> {
      const batch = await store.readAll({ after: checkpoint, limit: 50 });
      seen.push(...batch);
      const last = batch.at(-1);
      if (last !== undefined) checkpoint = checkpointOf(last);
    }

    const naiveSeen = new Set<string>();
    let naivePosition = startCheckpoint?.globalPosition ?? '0';
    async function naiveReadOnce(): Promise<void> {
      const sql = 'SELECT event_id::text AS id, global_position::text AS p FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 50';
      const { rows } = await db.pool.query<{ id: string; p: string }>(sql, [naivePosition]);
      for (const row of rows) naiveSeen.add(row.id);
      naivePosition = rows.at(-1)?.p ?? naivePosition;
    }

    const reader = (async () => {
      while (writing) await Promise.all([readOnce(), naiveReadOnce()]);
    })();
    try {
      await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    } finally {
      writing = false;
      await reader;
    }
    // Writers are done; everything is committed, so reading must now converge.
    const deadline = Date.now() + 15_000;
    while (seen.length < appended.length && Date.now() < deadline) await readOnce();
    await readOnce();

    const seenIds = seen.map((e) => e.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect([...seenIds].sort()).toEqual([...appended].sort());
    expect(await countEvents()).toBe(countBefore + seen.length);
    // A fresh reader from the same start gets the same log in the same order.
    expect((await drain(store, startCheckpoint)).map((e) => e.eventId)).toEqual(seenIds);

    const lastVersion = new Map<string, number>();
    for (const event of seen) {
      expect(event.streamVersion).toBe((lastVersion.get(event.streamId) ?? 0) + 1);
      lastVersion.set(event.streamId, event.streamVersion);
    }
    // The hazard really happened: a reader checkpointing on position alone, running beside
    // ours, skipped events that committed behind its checkpoint.
    await naiveReadOnce();
    expect(appended.filter((id) => !naiveSeen.has(id)).length).toBeGreaterThan(0);
  });
});
