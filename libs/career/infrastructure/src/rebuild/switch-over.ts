import type { PoolClient } from 'pg';
import { assertSchemaName, CAREER_READ_MODEL_TABLES, LIVE_SCHEMA } from '../career-tables';
import { CAREER_CHANGES_CHANNEL } from '../postgres-career-changes';

const LOCK_NOT_AVAILABLE = '55P03';

export interface SwitchOverOptions {
  client: PoolClient;
  rebuiltSchema: string;
  retiredSchema: string;
  /** Runs inside the switch's transaction, with the live tables locked: the last events go in here. */
  catchUp: () => Promise<void>;
  /** How often to try for the locks before giving up. */
  lockAttempts?: number;
  lockRetryDelayMs?: number;
}

/**
 * Swaps the rebuilt tables in for the live ones in one transaction. The live tables are
 * locked with NOWAIT and the attempt retried, rather than queued: a queued lock would
 * deadlock with a consumer transaction already holding one table and wanting another,
 * and PostgreSQL would then abort the consumer's batch instead of ours.
 *
 * Once the locks are held the live consumer cannot write, and every event it has
 * projected was read from the store's gap-safe log by the relay first, so catching up
 * from the store now brings the rebuilt tables at least as far as the live ones. The
 * consumer's blocked statements resolve the table names again when the lock is released
 * and write to the rebuilt tables from then on; events it then sees again are applied as
 * idempotent upserts and change nothing.
 */
export async function switchOver(options: SwitchOverOptions): Promise<void> {
  const { client } = options;
  const rebuilt = assertSchemaName(options.rebuiltSchema);
  const retired = assertSchemaName(options.retiredSchema);
  const attempts = options.lockAttempts ?? 600;
  const live = CAREER_READ_MODEL_TABLES.map((table) => `"${LIVE_SCHEMA}".${table}`).join(', ');
  for (let attempt = 1; ; attempt++) {
    await client.query('BEGIN');
    try {
      await client.query(`LOCK TABLE ${live} IN ACCESS EXCLUSIVE MODE NOWAIT`);
    } catch (error) {
      await client.query('ROLLBACK');
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.lockRetryDelayMs ?? 50));
      continue;
    }
    try {
      await options.catchUp();
      await client.query(`CREATE SCHEMA "${retired}"`);
      for (const table of CAREER_READ_MODEL_TABLES) await client.query(`ALTER TABLE "${LIVE_SCHEMA}".${table} SET SCHEMA "${retired}"`);
      for (const table of CAREER_READ_MODEL_TABLES) await client.query(`ALTER TABLE "${rebuilt}".${table} SET SCHEMA "${LIVE_SCHEMA}"`);
      await client.query(`DROP SCHEMA "${rebuilt}"`);
      // Every career may read differently now: running apps drop what they keep in memory
      // (delivered when, and only if, the switch commits).
      await client.query("SELECT pg_notify($1, '*')", [CAREER_CHANGES_CHANNEL]);
      await client.query('COMMIT');
      return;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}
