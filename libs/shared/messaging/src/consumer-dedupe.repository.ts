import type { PoolClient } from 'pg';

export interface PartitionRef {
  groupId: string;
  topic: string;
  partition: number;
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

export interface PartitionClaim {
  /** The partition's next unapplied offset, as committed by whoever applied it last. */
  nextOffset: bigint;
  /** Ids of the claims at or past nextOffset that no transaction had recorded: the ones to apply. */
  claimed: Set<string>;
}

/**
 * One round trip at the start of a consumer's transaction: locks the partition's row until
 * the transaction ends and records as processed the claimed events at or past the
 * partition's next offset, answering both. A consumer that lost the partition in a
 * rebalance but is still finishing a batch waits on the lock, then sees the new owner's
 * offset (the upsert works on the newest committed row) and its recorded ids (the unique
 * index sees committed rows whatever the snapshot), instead of applying twice. The no-op
 * update is what takes the row lock in the same statement as the insert. Ids must be
 * distinct: a relay duplicate inside one batch is resolved by the caller.
 */
export async function lockPartitionAndClaim(tx: PoolClient, ref: PartitionRef, claims: readonly EventClaim[]): Promise<PartitionClaim> {
  const result = await tx.query<{ next_offset: string; claimed: string[] }>({
    name: 'consumer_lock_and_claim_v1',
    text: `WITH locked AS (
       INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_offsets.next_offset
       RETURNING next_offset
     ), claimed AS (
       INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset)
       SELECT $1, c.event_id, $2, $3, c.kafka_offset
       FROM unnest($4::text[], $5::bigint[]) AS c(event_id, kafka_offset) CROSS JOIN locked
       WHERE c.kafka_offset >= locked.next_offset
       ON CONFLICT (group_id, event_id) DO NOTHING
       RETURNING event_id
     )
     SELECT (SELECT next_offset::text FROM locked) AS next_offset, coalesce((SELECT array_agg(event_id) FROM claimed), '{}') AS claimed`,
    values: [ref.groupId, ref.topic, ref.partition, claims.map((c) => c.eventId), claims.map((c) => c.offset)],
  });
  const row = result.rows[0];
  return { nextOffset: BigInt(row?.next_offset ?? '0'), claimed: new Set(row?.claimed ?? []) };
}
