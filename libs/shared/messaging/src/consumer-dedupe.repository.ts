import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';

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

/**
 * A string as an SQL literal: these statements travel in the simple protocol, which has no
 * parameters (see sendTogether). NUL would end the message's text early, so it is refused.
 */
function text(value: string): string {
  if (value.includes('\u0000')) throw new Error('a NUL character cannot travel in an SQL literal');
  return escapeLiteral(value);
}

function offsetLiteral(offset: string | bigint): string {
  const digits = offset.toString();
  if (!/^\d{1,19}$/.test(digits)) throw new Error(`not a Kafka offset: ${JSON.stringify(digits)}`);
  return `${digits}::bigint`;
}

function partitionKey(ref: PartitionRef): string {
  return `group_id = ${text(ref.groupId)} AND topic = ${text(ref.topic)} AND partition = ${Math.trunc(ref.partition)}`;
}

/**
 * Sends `statements` as one simple-protocol message and answers the result of the one at
 * `index`. node-postgres waits for each statement's answer before it sends the next, so
 * BEGIN and COMMIT would each cost a round trip of their own: a write and a read on both
 * ends, on a busy host much of the CPU a consumer transaction takes. Sent with the first
 * and last statements of the transaction, they cost none. The price is that PostgreSQL
 * parses and plans these two statements each time (a few dozen microseconds) instead of
 * running prepared ones; SQL-level PREPARE would avoid that but ties the statements to a
 * server session, which a pooler in transaction mode does not keep.
 */
async function sendTogether(tx: PoolClient, statements: readonly string[], index: number): Promise<QueryResult> {
  const results = (await tx.query(statements.join(';\n'))) as unknown as QueryResult[];
  const result = results[index];
  if (result === undefined) throw new Error(`no result for statement ${index} of ${statements.length}`);
  return result;
}

/**
 * Starts the consumer's transaction, in one round trip with BEGIN: locks the partition's
 * row until the transaction ends and records as processed the claimed events at or past
 * the partition's next offset, answering both. A consumer that lost the partition in a
 * rebalance but is still finishing a batch waits on the lock, then sees the new owner's
 * offset (the upsert works on the newest committed row) and its recorded ids (the unique
 * index sees committed rows whatever the snapshot), instead of applying twice. The no-op
 * update is what takes the row lock in the same statement as the insert. Ids must be
 * distinct: a relay duplicate inside one batch is resolved by the caller. On failure the
 * caller rolls back, as after any statement.
 */
export async function beginAndClaim(tx: PoolClient, ref: PartitionRef, claims: readonly EventClaim[]): Promise<PartitionClaim> {
  const ids = `ARRAY[${claims.map((c) => text(c.eventId)).join(', ')}]::text[]`;
  const offsets = `ARRAY[${claims.map((c) => offsetLiteral(c.offset)).join(', ')}]::bigint[]`;
  const [groupId, topic, partition] = [text(ref.groupId), text(ref.topic), Math.trunc(ref.partition)];
  const claim = `WITH locked AS (
       INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES (${groupId}, ${topic}, ${partition}, 0)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_offsets.next_offset
       RETURNING next_offset
     ), claimed AS (
       INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset)
       SELECT ${groupId}, c.event_id, ${topic}, ${partition}, c.kafka_offset
       FROM unnest(${ids}, ${offsets}) AS c(event_id, kafka_offset) CROSS JOIN locked
       WHERE c.kafka_offset >= locked.next_offset
       ON CONFLICT (group_id, event_id) DO NOTHING
       RETURNING event_id
     )
     SELECT (SELECT next_offset::text FROM locked) AS next_offset, coalesce((SELECT array_agg(event_id) FROM claimed), '{}') AS claimed`;
  const result = await sendTogether(tx, ['BEGIN', claim], 1);
  const row = result.rows[0] as { next_offset?: string; claimed?: string[] } | undefined;
  return { nextOffset: BigInt(row?.next_offset ?? '0'), claimed: new Set(row?.claimed ?? []) };
}

/**
 * Ends the consumer's transaction, in one round trip with COMMIT: moves the partition's
 * offset on and, with a notice, NOTIFYs in the same statement, which PostgreSQL delivers
 * when, and only if, the transaction commits. If the advance fails, PostgreSQL skips the
 * rest of the message, COMMIT included, and the transaction stays open, failed, for the
 * caller to roll back.
 */
export async function advanceAndCommit(tx: PoolClient, ref: PartitionRef, nextOffset: bigint, notice?: CommitNotice): Promise<void> {
  const advance = `UPDATE consumer_offsets SET next_offset = GREATEST(next_offset, ${offsetLiteral(nextOffset)}), updated_at = now() WHERE ${partitionKey(ref)}`;
  const statement = notice === undefined ? advance : `WITH advanced AS (${advance}) SELECT pg_notify(${text(notice.channel)}, ${text(notice.payload)})`;
  await sendTogether(tx, [statement, 'COMMIT'], 0);
}
