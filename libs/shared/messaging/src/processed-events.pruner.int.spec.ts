import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, eventually, uniqueName, type TestDatabase } from '@trajectory/shared/testing';
import { Pool } from 'pg';
import { messagingMigrations } from './messaging.migrations';
import { ProcessedEventsPruner, pruneProcessedEvents } from './processed-events.pruner';
import { quietLogger } from './test-support/test-events';

const DAY_MS = 86_400_000;

describe('pruning processed-event ids (PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('pruner');
    await runMigrations(database.url, messagingMigrations);
    pool = new Pool({ connectionString: database.url, max: 3 });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** `count` ids of `groupId`, recorded `ageDays` ago. */
  async function record(groupId: string, count: number, ageDays: number): Promise<void> {
    await pool.query(
      `INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset, processed_at)
       SELECT $1, $1 || '-' || $3::int || '-' || n, 'topic', 0, n, now() - $3::int * interval '1 day' FROM generate_series(1, $2::int) AS n`,
      [groupId, count, ageDays],
    );
  }

  async function agesOf(groupId: string): Promise<number[]> {
    const { rows } = await pool.query<{ age: number }>(
      `SELECT round(extract(epoch FROM now() - processed_at) / 86400)::int AS age FROM processed_events WHERE group_id = $1 ORDER BY 1`,
      [groupId],
    );
    return rows.map((row) => row.age);
  }

  it('deletes the group\'s ids older than the retention, in batches, and nothing else', async () => {
    const [group, other] = [uniqueName('group'), uniqueName('other')];
    await record(group, 7, 10);
    await record(group, 2, 1);
    await record(other, 3, 10);

    expect(await pruneProcessedEvents(pool, group, 7 * DAY_MS, { batchSize: 3 })).toBe(7);

    expect(await agesOf(group)).toEqual([1, 1]);
    expect(await agesOf(other)).toEqual([10, 10, 10]);
    expect(await pruneProcessedEvents(pool, group, 7 * DAY_MS, { batchSize: 3 })).toBe(0);
  });

  it('stops between two batches when told to', async () => {
    const group = uniqueName('group');
    await record(group, 5, 10);
    let batches = 0;
    // Asked before each batch: the first goes, the second is not started.
    expect(await pruneProcessedEvents(pool, group, DAY_MS, { batchSize: 2, stopped: () => batches++ >= 1 })).toBe(2);
    expect(await agesOf(group)).toEqual([10, 10, 10]);
  });

  it('prunes when started and stops without waiting out its interval', async () => {
    const group = uniqueName('group');
    await record(group, 4, 30);
    await record(group, 1, 0);
    const pruner = new ProcessedEventsPruner({ pool, groupId: group, retentionMs: DAY_MS, intervalMs: 3_600_000, logger: quietLogger });
    pruner.start();
    try {
      await eventually(async () => expect(await agesOf(group)).toEqual([0]));
    } finally {
      await pruner.stop();
    }
  });
});
