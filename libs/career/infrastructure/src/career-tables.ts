import { createHash } from 'node:crypto';
import type { SessionStatement } from '@trajectory/shared/platform';
import type { QueryConfig } from 'pg';

/** Every table of the career read model: what a rebuild recreates and swaps in. */
export const CAREER_READ_MODEL_TABLES = [
  'career_people',
  'career_jobs',
  'career_person_changes',
  'career_promotions',
  'career_education',
  'career_aspirations',
] as const;
export type CareerTable = (typeof CAREER_READ_MODEL_TABLES)[number];

/** The live read model sits in the database's default schema, beside the consumer's dedupe tables. */
export const LIVE_SCHEMA = 'public';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names end up in SQL text: only plain lower-case identifiers are accepted. */
export function assertSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  return schema;
}

/** `"schema".table`, for SQL that runs against the live tables or a rebuild's copies. */
export function tablesIn(schema: string): Record<CareerTable, string> {
  const safe = assertSchemaName(schema);
  return Object.fromEntries(CAREER_READ_MODEL_TABLES.map((table) => [table, `"${safe}".${table}`])) as Record<CareerTable, string>;
}

/** PostgreSQL cuts longer statement names short (and pg warns on every prepare). */
const MAX_STATEMENT_NAME = 63;

/**
 * A named statement over one schema's tables. pg prepares a named statement once per
 * connection and afterwards only binds and runs it, so PostgreSQL skips parsing and
 * planning: most of its work for the short statements of a read or a projection. The name
 * carries the schema because one connection serves the live tables and a rebuild's, and a
 * name must always stand for the same text; a schema too long for the name is carried as
 * a hash of it.
 */
export function careerStatement(t: Record<CareerTable, string>, purpose: string, text: string, values: unknown[]): QueryConfig {
  if (purpose.startsWith('session_')) throw new Error(`statement purpose ${purpose} is reserved for session statements`);
  return { name: statementName(t, purpose), text, values };
}

/**
 * The same, prepared with SQL PREPARE for `runTogether` (several statements in one round
 * trip). Both kinds of prepared statement share one namespace per session, and pg would
 * run a same-named SQL-prepared statement in place of its own without a word: these names
 * carry `session_`, which no `careerStatement` purpose starts with.
 */
export function careerSessionStatement(t: Record<CareerTable, string>, purpose: string, text: string): SessionStatement {
  return { name: statementName(t, `session_${purpose}`), text };
}

function statementName(t: Record<CareerTable, string>, purpose: string): string {
  const schema = t.career_people.slice(0, t.career_people.lastIndexOf('.'));
  const name = `career_${purpose}:${schema}`;
  return name.length <= MAX_STATEMENT_NAME ? name : `career_${purpose}:${createHash('sha256').update(schema).digest('hex').slice(0, 24)}`;
}
