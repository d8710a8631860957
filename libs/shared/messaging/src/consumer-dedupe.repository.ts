import type { PoolClient } from 'pg';

export interface PartitionRef {
  groupId: string;
  topic: string;
  partition: number;
}

/**
 * Returns the partition's next unapplied offset and locks its row until the transaction
 * ends: a consumer that lost the partition in a rebalance but is still finishing a batch
 * waits here, then sees the new owner's progress instead of applying twice.
 */
export async function lockPartition(tx: PoolClient, ref: PartitionRef): Promise<bigint> {
  // The no-op update is what takes the row lock in the same statement as the insert.
  const result = await tx.query<{ next_offset: string }>({
    name: 'consumer_lock_partition_v1',
    text: `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
     ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_offsets.next_offset
     RETURNING next_offset::text AS next_offset`,
    values: [ref.groupId, ref.topic, ref.partition],
  });
  return BigInt(result.rows[0]?.next_offset ?? '0');
}

/** What a transaction announces when it commits: `payload` on `channel` (PostgreSQL NOTIFY). */
export interface CommitNotice {
  channel: string;
  payload: string;
}

/**
 * Moves the partition's offset on; with a notice, in the same statement (no extra round
 * trip), the transaction also NOTIFYs, which PostgreSQL delivers to every listener of the
 * database when, and only if, the transaction commits.
 */
export async function advancePartition(tx: PoolClient, ref: PartitionRef, nextOffset: bigint, notice?: CommitNotice): Promise<void> {
  if (notice !== undefined) {
    await tx.query({
      name: 'consumer_advance_partition_notify_v1',
      text: `WITH advanced AS (
         UPDATE consumer_offsets SET next_offset = GREATEST(next_offset, $4::bigint), updated_at = now()
         WHERE group_id = $1 AND topic = $2 AND partition = $3)
       SELECT pg_notify($5, $6)`,
      values: [ref.groupId, ref.topic, ref.partition, nextOffset.toString(), notice.channel, notice.payload],
    });
    return;
  }
  await tx.query({
    name: 'consumer_advance_partition_v1',
    text: `UPDATE consumer_offsets SET next_offset = GREATEST(next_offset, $4::bigint), updated_at = now()
     WHERE group_id = $1 AND topic = $2 AND partition = $3`,
    values: [ref.groupId, ref.topic, ref.partition, nextOffset.toString()],
  });
}

export interface EventClaim {
  eventId: string;
  offset: string;
}

/**
 * Records event ids as processed by the group and returns those that were new. Ids must
 * be distinct: a relay duplicate inside one batch is resolved by the caller.
 */
export async function claimEvents(tx: PoolClient, ref: PartitionRef, claims: readonly EventClaim[]): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const result = await tx.query<{ event_id: string }>({
    name: 'consumer_claim_events_v1',
    text: `INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset)
     SELECT $1, c.event_id, $2, $3, c.kafka_offset FROM unnest($4::text[], $5::bigint[]) AS c(event_id, kafka_offset)
     ON CONFLICT (group_id, event_id) DO NOTHING
     RETURNING event_id`,
    values: [ref.groupId, ref.topic, ref.partition, claims.map((c) => c.eventId), claims.map((c) => c.offset)],
  });
  return new Set(result.rows.map((row) => row.event_id));
}
