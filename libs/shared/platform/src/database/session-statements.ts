import { escapeIdentifier, escapeLiteral, type PoolClient, type QueryResult } from 'pg';

/**
 * A statement prepared in the session with SQL `PREPARE` and run with `EXECUTE`. Its
 * parameters' types are inferred from where the text uses them, as for a statement pg
 * prepares over the protocol; the text may say `$1::bigint` where that is not enough.
 * The name must not be one that pg also prepares over the protocol (`{ name }` queries):
 * both kinds share one namespace per session.
 */
export interface SessionStatement {
  name: string;
  text: string;
}

/** An argument of EXECUTE: a string, a finite number, or null. */
export type SqlArgument = string | number | null;

/** One part of a message: a transaction command, or a prepared statement with its arguments. */
export type MessagePart = 'BEGIN' | 'COMMIT' | { statement: SessionStatement; args: readonly SqlArgument[] };

/**
 * The session lost prepared statements it had (`DISCARD ALL`, `DEALLOCATE`, a pooler that
 * moved the client to another session), or holds only some of them. Neither our record of
 * what is prepared nor pg's own cache of protocol-level statements can be trusted on that
 * connection any more: it must be closed, not pooled again.
 */
export const LOST_PREPARED_STATEMENTS: ReadonlySet<string> = new Set(['26000', '42P05']);

/** Statement names prepared per connection (a pool hands out the same client objects again). */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/**
 * A string as an SQL literal (its type is inferred where it is used, as for a parameter).
 * NUL would end the simple-protocol message's text early, so it is refused.
 */
export function sqlLiteral(value: SqlArgument): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return `'${value}'`;
  }
  if (value.includes('\u0000')) throw new Error('a NUL character cannot travel in an SQL literal');
  return escapeLiteral(value);
}

/** A PostgreSQL array value in its text form (`{"a","b"}`), to pass as one argument. */
export function sqlArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Sends several statements as one simple-protocol message and answers each one's result.
 * node-postgres waits for each statement's answer before it sends the next, so every
 * statement is otherwise a round trip of its own: a socket write and read on both ends,
 * on a busy host much of the CPU a short transaction takes. In one message they cost one.
 *
 * The statements are prepared once per session (SQL PREPARE, each in a message of its own
 * the first time), so PostgreSQL only binds and runs them: planning them on every message
 * cost it more than the round trips saved (ADR 0012). Their arguments travel as quoted
 * literals.
 *
 * Semantics are those of the simple protocol: each statement takes its own snapshot (in
 * READ COMMITTED it sees what committed before it started, even within one message), and
 * when one fails PostgreSQL skips the rest of the message, a COMMIT included, leaving an
 * explicit transaction open and failed for the caller to roll back.
 */
export async function runTogether(client: PoolClient, parts: readonly MessagePart[]): Promise<QueryResult[]> {
  await ensurePrepared(client, parts);
  const text = parts.map((part) => (typeof part === 'string' ? part : `EXECUTE ${escapeIdentifier(part.statement.name)}(${part.args.map(sqlLiteral).join(', ')})`));
  const answer = (await client.query(text.join(';\n'))) as unknown as QueryResult | QueryResult[];
  // pg answers a message of one statement with its result, of several with an array.
  const results = Array.isArray(answer) ? answer : [answer];
  if (results.length !== parts.length) throw new Error(`expected ${parts.length} results, got ${results.length}`);
  return results;
}

/**
 * Prepares the parts' statements this session lacks, one at a time (a round trip each, once
 * per session): PREPARE is not undone by a rollback, so a message of several that failed
 * half-way would leave some prepared and unrecorded, and the next attempt would fail on
 * them (42P05).
 */
async function ensurePrepared(client: PoolClient, parts: readonly MessagePart[]): Promise<void> {
  let prepared = preparedOn.get(client);
  if (prepared === undefined) preparedOn.set(client, (prepared = new Set<string>()));
  for (const part of parts) {
    if (typeof part === 'string' || prepared.has(part.statement.name)) continue;
    await client.query(`PREPARE ${escapeIdentifier(part.statement.name)} AS ${part.statement.text}`);
    prepared.add(part.statement.name);
  }
}
