import { Client } from 'pg';

/** Where a needle was found: `schema.table` → rows containing it. */
export type PlaintextHits = Record<string, number>;

/**
 * Searches every row of every table of a database for a piece of text, case-insensitively:
 * the whole row as text (jsonb, text and every other column's text form) and, because a
 * bytea column's text form is hex, the raw bytes of bytea columns too. All user schemas are
 * searched, not only `public`, so leftovers of a rebuild or another schema cannot hide data.
 */
export async function findPlaintext(databaseUrl: string, needle: string): Promise<PlaintextHits> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%'
        ORDER BY 1, 2`,
    );
    if (tables.length === 0) throw new Error('the database has no tables: the search would prove nothing');
    const hits: PlaintextHits = {};
    for (const { schema, name } of tables) {
      const { rows: byteaColumns } = await client.query<{ column: string }>(
        `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND data_type = 'bytea'`,
        [schema, name],
      );
      const conditions = ['t::text ILIKE $1', ...byteaColumns.map(({ column }) => `position($2::bytea in t.${quote(column)}) > 0`)];
      const parameters: unknown[] = byteaColumns.length === 0 ? [`%${needle}%`] : [`%${needle}%`, Buffer.from(needle, 'utf8')];
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quote(schema)}.${quote(name)} t WHERE ${conditions.join(' OR ')}`, parameters);
      const count = Number(rows[0]?.count ?? 0);
      if (count > 0) hits[`${schema}.${name}`] = count;
    }
    return hits;
  } finally {
    await client.end();
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
