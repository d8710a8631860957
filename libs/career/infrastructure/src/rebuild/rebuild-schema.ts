import type { PoolClient } from 'pg';
import { assertSchemaName, CAREER_READ_MODEL_TABLES, LIVE_SCHEMA } from '../career-tables';

export const REBUILD_SCHEMA_PREFIX = 'career_rebuild_';
export const RETIRED_SCHEMA_PREFIX = 'career_retired_';

/**
 * Creates empty copies of the live tables in a fresh schema: columns, defaults and checks
 * from the live table itself (so the copy can never drift from the migrations), then the
 * same constraints and indexes under the same names, so that after the switch the tables
 * look exactly as the migrations left them and later migrations find what they expect.
 */
export async function createRebuildSchema(client: PoolClient, schema: string): Promise<void> {
  const target = assertSchemaName(schema);
  await client.query('BEGIN');
  try {
    // With an empty search path, catalog functions schema-qualify every name they print.
    await client.query('SET LOCAL search_path = pg_catalog');
    await client.query(`CREATE SCHEMA "${target}"`);
    for (const table of CAREER_READ_MODEL_TABLES) {
      await client.query(`CREATE TABLE "${target}".${table} (LIKE "${LIVE_SCHEMA}".${table} INCLUDING ALL EXCLUDING INDEXES)`);
    }
    const constraints = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = $1 AND r.relname = ANY($2) AND c.contype IN ('p', 'u')`,
      [LIVE_SCHEMA, [...CAREER_READ_MODEL_TABLES]],
    );
    for (const { tbl, name, def } of constraints.rows) {
      await client.query(`ALTER TABLE "${target}".${tableName(tbl)} ADD CONSTRAINT "${name}" ${def}`);
    }
    const indexes = await client.query<{ def: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class r ON r.oid = i.indrelid JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = $1 AND r.relname = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [LIVE_SCHEMA, [...CAREER_READ_MODEL_TABLES]],
    );
    for (const { def } of indexes.rows) {
      await client.query(def.replace(` ON ${LIVE_SCHEMA}.`, ` ON "${target}".`));
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function tableName(qualified: string): string {
  const name = qualified.split('.').pop() ?? qualified;
  if (!(CAREER_READ_MODEL_TABLES as readonly string[]).includes(name)) throw new Error(`unexpected table ${qualified}`);
  return name;
}

/** Leftovers of a rebuild that stopped half-way (its schema) or of a switch that could not drop the old tables. */
export async function dropLeftoverSchemas(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) OR starts_with(nspname, $2)`,
    [REBUILD_SCHEMA_PREFIX, RETIRED_SCHEMA_PREFIX],
  );
  for (const { nspname } of rows) await client.query(`DROP SCHEMA "${assertSchemaName(nspname)}" CASCADE`);
  return rows.map((row) => row.nspname);
}
