import type { Pool, PoolClient } from 'pg';
import { PostgresCareerProjection } from '../postgres-career-projection';
import type { ProfilesEventSource } from './profiles-event-source';
import { createRebuildSchema, dropLeftoverSchemas, REBUILD_SCHEMA_PREFIX, RETIRED_SCHEMA_PREFIX } from './rebuild-schema';
import { replayEvents } from './replay-events';
import { switchOver } from './switch-over';

/** One rebuild at a time per career database; the key is arbitrary but fixed. */
const REBUILD_LOCK_KEY = 7_302_114_001;

export interface RebuildProgress {
  /** Events read from the store so far. */
  read: number;
  /** Events in the store when the rebuild started, raised if more arrive meanwhile. */
  total: number;
  phase: 'replaying' | 'switching' | 'done';
}

export interface CareerRebuildOptions {
  careerPool: Pool;
  source: ProfilesEventSource;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Keep the retired tables (schema `career_retired_<n>`) instead of dropping them after the switch. */
  keepRetired?: boolean;
}

export interface RebuildResult {
  eventsRead: number;
  rebuiltSchema: string;
  retiredSchema: string;
}

/**
 * Rebuilds the career read model from the profiles event store while the live tables keep
 * serving: replays the whole log into a fresh schema, then switches the tables over in one
 * transaction (see switch-over.ts for why the live consumer stays consistent).
 */
export class CareerRebuild {
  constructor(private readonly options: CareerRebuildOptions) {}

  async run(): Promise<RebuildResult> {
    const client = await this.options.careerPool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK_KEY]);
      if (rows[0]?.locked !== true) throw new Error('another career rebuild is running against this database');
      try {
        return await this.rebuild(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [REBUILD_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  private async rebuild(client: PoolClient): Promise<RebuildResult> {
    const { source, onProgress } = this.options;
    const batchSize = this.options.batchSize ?? 500;
    const suffix = `${Date.now()}`;
    const rebuiltSchema = `${REBUILD_SCHEMA_PREFIX}${suffix}`;
    const retiredSchema = `${RETIRED_SCHEMA_PREFIX}${suffix}`;
    await dropLeftoverSchemas(client);
    await createRebuildSchema(client, rebuiltSchema);
    const projection = new PostgresCareerProjection(rebuiltSchema);
    const progress: RebuildProgress = { read: 0, total: await source.countEvents(), phase: 'replaying' };
    const advance = (read: number) => {
      progress.read += read;
      progress.total = Math.max(progress.total, progress.read);
      onProgress?.({ ...progress });
    };
    onProgress?.({ ...progress });
    const head = await replayEvents({ source, projection, client, after: null, batchSize, onPage: advance });
    progress.phase = 'switching';
    onProgress?.({ ...progress });
    await switchOver({
      client,
      rebuiltSchema,
      retiredSchema,
      catchUp: async () => {
        await replayEvents({ source, projection, client, after: head, batchSize, inTransaction: true, onPage: advance });
      },
    });
    if (this.options.keepRetired !== true) await client.query(`DROP SCHEMA "${retiredSchema}" CASCADE`);
    progress.phase = 'done';
    onProgress?.({ ...progress });
    return { eventsRead: progress.read, rebuiltSchema, retiredSchema };
  }
}
