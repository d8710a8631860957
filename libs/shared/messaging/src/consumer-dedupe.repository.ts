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
 * A string as an SQL literal: these statements' arguments travel in the simple protocol,
 * which has no parameters (see executeWith). NUL would end the message's text early, so
 * it is refused.
 */
function text(value: string): string {
  if (value.includes('\u0000')) throw new Error('a NUL character cannot travel in an SQL literal');
  return escapeLiteral(value);
}

function offsetLiteral(offset: string | bigint): string {
  const digits = offset.toString();
  if (!/^\d{1,19}$/.test(digits)) throw new Error(`not a Kafka offset: ${JSON.stringify(digits)}`);
  return digits;
}

interface PreparedStatement {
  name: string;
  parameterTypes: string;
  text: string;
}

/** See beginAndClaim. */
const LOCK_AND_CLAIM: PreparedStatement = {
  name: 'consumer_lock_and_claim_v2',
  parameterTypes: '(text, text, integer, text[], bigint[])',
  text: `WITH locked AS (
       INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_offsets.next_offset
       RETURNING next_offset
     ), claimed AS (
       INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset)
       SELECT $1, c.event_id, $2, $3, c.kafka_offset
       FROM unnest($4, $5) AS c(event_id, kafka_offset) CROSS JOIN locked
       WHERE c.kafka_offset >= locked.next_offset
       ON CONFLICT (group_id, event_id) DO NOTHING
       RETURNING event_id
     )
     SELECT (SELECT next_offset::text FROM locked) AS next_offset, coalesce((SELECT array_agg(event_id) FROM claimed), '{}') AS claimed`,
};

const ADVANCE_SQL = `UPDATE consumer_offsets SET next_offset = GREATEST(next_offset, $4), updated_at = now()
     WHERE group_id = $1 AND topic = $2 AND partition = $3`;

const ADVANCE: PreparedStatement = { name: 'consumer_advance_v2', parameterTypes: '(text, text, integer, bigint)', text: ADVANCE_SQL };

/** The notice rides in the advance's statement: PostgreSQL delivers it when, and only if, the transaction commits. */
const ADVANCE_AND_NOTIFY: PreparedStatement = {
  name: 'consumer_advance_notify_v2',
  parameterTypes: '(text, text, integer, bigint, text, text)',
  text: `WITH advanced AS (${ADVANCE_SQL}) SELECT pg_notify($5, $6)`,
};

const STATEMENTS = [LOCK_AND_CLAIM, ADVANCE, ADVANCE_AND_NOTIFY];

/**
 * The session lost prepared statements it had (`DISCARD ALL`, `DEALLOCATE`, a pooler that
 * moved the client to another session), or holds only some of them: either way neither
 * this module's bookkeeping nor pg's own cache of named statements can be trusted on that
 * connection any more, and it must be closed, not reused (the applier does so).
 */
export const LOST_PREPARED_STATEMENTS = new Set(['26000', '42P05']);

/** Connections on which STATEMENTS are prepared (a pool hands out the same client objects again). */
const prepared = new WeakSet<PoolClient>();

async function ensurePrepared(tx: PoolClient): Promise<void> {
  if (prepared.has(tx)) return;
  await tx.query(STATEMENTS.map(({ name, parameterTypes, text }) => `PREPARE ${name}${parameterTypes} AS ${text}`).join(';\n'));
  prepared.add(tx);
}

/**
 * Runs a prepared statement with BEGIN before it or COMMIT after it, as one simple-protocol
 * message, and answers the statement's result. node-postgres waits for each statement's
 * answer before it sends the next, so BEGIN and COMMIT would each cost a round trip of
 * their own: a write and a read on both ends, on a busy host much of the CPU a consumer
 * transaction takes. The statements are prepared once per session with SQL PREPARE, so
 * PostgreSQL only binds and runs them: sent as plain text, planning them each time cost it
 * more than the two round trips saved (ADR 0012). Prepared statements belong to the
 * session: a pooler in front of PostgreSQL must keep sessions (session mode).
 */
async function executeWith(tx: PoolClient, statement: PreparedStatement, args: readonly string[], around: { before?: 'BEGIN'; after?: 'COMMIT' }): Promise<QueryResult> {
  await ensurePrepared(tx);
  const execute = `EXECUTE ${statement.name}(${args.join(', ')})`;
  const message = [around.before, execute, around.after].filter((part) => part !== undefined).join('; ');
  const results = (await tx.query(message)) as unknown as QueryResult[];
  const result = results[around.before === undefined ? 0 : 1];
  if (result === undefined) throw new Error(`no result for ${statement.name}`);
  return result;
}

const refArgs = (ref: PartitionRef) => [text(ref.groupId), text(ref.topic), String(Math.trunc(ref.partition))];

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
  const result = await executeWith(tx, LOCK_AND_CLAIM, [...refArgs(ref), ids, offsets], { before: 'BEGIN' });
  const row = result.rows[0] as { next_offset?: string; claimed?: string[] } | undefined;
  return { nextOffset: BigInt(row?.next_offset ?? '0'), claimed: new Set(row?.claimed ?? []) };
}

/**
 * Ends the consumer's transaction, in one round trip with COMMIT: moves the partition's
 * offset on and, with a notice, NOTIFYs. If the advance fails, PostgreSQL skips the rest
 * of the message, COMMIT included, and the transaction stays open, failed, for the caller
 * to roll back.
 */
export async function advanceAndCommit(tx: PoolClient, ref: PartitionRef, nextOffset: bigint, notice?: CommitNotice): Promise<void> {
  const args = [...refArgs(ref), offsetLiteral(nextOffset)];
  if (notice === undefined) await executeWith(tx, ADVANCE, args, { after: 'COMMIT' });
  else await executeWith(tx, ADVANCE_AND_NOTIFY, [...args, text(notice.channel), text(notice.payload)], { after: 'COMMIT' });
}
