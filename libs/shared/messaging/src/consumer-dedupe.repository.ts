import { runTogether, sqlArray, type SessionStatement } from '@trajectory/shared/platform';
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

function offsetText(offset: string | bigint): string {
  const digits = offset.toString();
  if (!/^\d{1,19}$/.test(digits)) throw new Error(`not a Kafka offset: ${JSON.stringify(digits)}`);
  return digits;
}

/** See beginAndClaim. */
const LOCK_AND_CLAIM: SessionStatement = {
  name: 'consumer_lock_and_claim_v2',
  text: `WITH locked AS (
       INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3::integer, 0)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_offsets.next_offset
       RETURNING next_offset
     ), claimed AS (
       INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset)
       SELECT $1, c.event_id, $2, $3::integer, c.kafka_offset
       FROM unnest($4::text[], $5::bigint[]) AS c(event_id, kafka_offset) CROSS JOIN locked
       WHERE c.kafka_offset >= locked.next_offset
       ON CONFLICT (group_id, event_id) DO NOTHING
       RETURNING event_id
     )
     SELECT (SELECT next_offset::text FROM locked) AS next_offset, coalesce((SELECT array_agg(event_id) FROM claimed), '{}') AS claimed`,
};

const ADVANCE_SQL = `UPDATE consumer_offsets SET next_offset = GREATEST(next_offset, $4::bigint), updated_at = now()
     WHERE group_id = $1 AND topic = $2 AND partition = $3::integer`;

const ADVANCE: SessionStatement = { name: 'consumer_advance_v2', text: ADVANCE_SQL };

/** The notice rides in the advance's statement: PostgreSQL delivers it when, and only if, the transaction commits. */
const ADVANCE_AND_NOTIFY: SessionStatement = {
  name: 'consumer_advance_notify_v2',
  text: `WITH advanced AS (${ADVANCE_SQL}) SELECT pg_notify($5, $6)`,
};

const refArgs = (ref: PartitionRef) => [ref.groupId, ref.topic, Math.trunc(ref.partition)];

/**
 * Starts the consumer's transaction, in one round trip with BEGIN (runTogether): locks the
 * partition's row until the transaction ends and records as processed the claimed events
 * at or past the partition's next offset, answering both. A consumer that lost the
 * partition in a rebalance but is still finishing a batch waits on the lock, then sees the
 * new owner's offset (the upsert works on the newest committed row) and its recorded ids
 * (the unique index sees committed rows whatever the snapshot), instead of applying twice.
 * The no-op update is what takes the row lock in the same statement as the insert. Ids
 * must be distinct: a relay duplicate inside one batch is resolved by the caller. On
 * failure the caller rolls back, as after any statement.
 */
export async function beginAndClaim(tx: PoolClient, ref: PartitionRef, claims: readonly EventClaim[]): Promise<PartitionClaim> {
  const args = [...refArgs(ref), sqlArray(claims.map((c) => c.eventId)), `{${claims.map((c) => offsetText(c.offset)).join(',')}}`];
  const [, claim] = await runTogether(tx, ['BEGIN', { statement: LOCK_AND_CLAIM, args }]);
  const row = claim?.rows[0] as { next_offset?: string; claimed?: string[] } | undefined;
  return { nextOffset: BigInt(row?.next_offset ?? '0'), claimed: new Set(row?.claimed ?? []) };
}

/**
 * Ends the consumer's transaction, in one round trip with COMMIT: moves the partition's
 * offset on and, with a notice, NOTIFYs. If the advance fails, PostgreSQL skips the rest
 * of the message, COMMIT included, and the transaction stays open, failed, for the caller
 * to roll back.
 */
export async function advanceAndCommit(tx: PoolClient, ref: PartitionRef, nextOffset: bigint, notice?: CommitNotice): Promise<void> {
  const args = [...refArgs(ref), offsetText(nextOffset)];
  const advance = notice === undefined ? { statement: ADVANCE, args } : { statement: ADVANCE_AND_NOTIFY, args: [...args, notice.channel, notice.payload] };
  await runTogether(tx, [advance, 'COMMIT']);
}
