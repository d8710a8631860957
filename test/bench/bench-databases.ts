import { randomBytes } from 'node:crypto';
import { eventStoreMigrations } from '@trajectory/shared/event-store';
import { messagingMigrations } from '@trajectory/shared/messaging';
import { databaseUrlWithName, ensureDatabase, runMigrations } from '@trajectory/shared/platform';
import { Client } from 'pg';
import { migrateEmmett } from './stores/emmett-bench-store';

export const BENCH_SERVER_URL = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

export interface BenchDatabases {
  ours: { name: string; url: string };
  emmett: { name: string; url: string };
  /** Drops both; safe to call more than once and after a partial set-up. */
  drop(): Promise<void>;
}

/**
 * Two fresh databases on the same server, one per store, so neither store's tables,
 * indexes or vacuum work touch the other's figures.
 */
export async function createBenchDatabases(): Promise<BenchDatabases> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const named = (name: string) => ({ name, url: databaseUrlWithName(BENCH_SERVER_URL, name) });
  const ours = named(`bench_ours_${suffix}`);
  const emmett = named(`bench_emmett_${suffix}`);
  let dropped = false;
  const databases: BenchDatabases = {
    ours,
    emmett,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await dropDatabases([ours.name, emmett.name]);
    },
  };
  try {
    await ensureDatabase(ours.url);
    await ensureDatabase(emmett.url);
    await runMigrations(ours.url, [...eventStoreMigrations, ...messagingMigrations]);
    await migrateEmmett(emmett.url);
  } catch (error) {
    await databases.drop().catch(() => undefined);
    throw error;
  }
  return databases;
}

async function dropDatabases(names: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrlWithName(BENCH_SERVER_URL, 'postgres') });
  await client.connect();
  try {
    // FORCE: a run that failed half-way may still hold connections to them.
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** `SELECT version()` and the settings that decide commit cost, for the report. */
export async function serverFacts(): Promise<{ version: string; settings: Record<string, string> }> {
  const client = new Client({ connectionString: databaseUrlWithName(BENCH_SERVER_URL, 'postgres') });
  await client.connect();
  try {
    const version = (await client.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? 'unknown';
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay')
       ORDER BY name`,
    );
    return { version, settings: Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} (${r.unit})` : r.setting])) };
  } finally {
    await client.end();
  }
}

/**
 * Run before each store's turn in a scenario: VACUUM (ANALYZE) does now the background
 * work the previous turn's writes would otherwise trigger at a random moment (autovacuum,
 * auto-analyze), and CHECKPOINT writes out its dirty pages, so neither store's timing pays
 * for the other's work. Applied identically to both databases.
 */
export async function settle(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
