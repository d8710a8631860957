import type { LoggerService } from '@nestjs/common';
import type { Pool } from 'pg';
import { InterruptibleDelay } from './interruptible-delay';
import { describeError } from './messaging.errors';

/** A week: far longer than a relay is expected to stay down with a batch it has not checkpointed. */
export const DEFAULT_DEDUPE_RETENTION_MS = 7 * 24 * 3_600_000;

const DELETE_BATCH = 5_000;

/**
 * Deletes a consumer group's processed-event ids recorded more than `retentionMs` ago, in
 * batches (short transactions, short locks), and answers how many went; `stopped` ends it
 * between two batches. Offsets alone already skip redelivered messages; the ids only catch
 * the relay's duplicates, which come at new offsets when a relay republishes what it sent
 * before its last checkpoint. Such a duplicate arriving after its original's id was pruned
 * would be applied a second time, so the retention must outlast the longest a relay can
 * stay down.
 */
export async function pruneProcessedEvents(
  pool: Pool,
  groupId: string,
  retentionMs: number,
  { batchSize = DELETE_BATCH, stopped = () => false }: { batchSize?: number; stopped?: () => boolean } = {},
): Promise<number> {
  let pruned = 0;
  // Checked between batches: stopping waits for one batch at most, not for a whole backlog.
  while (!stopped()) {
    const { rowCount } = await pool.query({
      name: 'consumer_prune_processed_v1',
      text: `DELETE FROM processed_events WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM processed_events
          WHERE group_id = $1 AND processed_at < now() - $2::bigint * interval '1 millisecond'
          LIMIT $3))`,
      values: [groupId, Math.trunc(retentionMs), batchSize],
    });
    pruned += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) break;
  }
  return pruned;
}

export interface ProcessedEventsPrunerOptions {
  pool: Pool;
  groupId: string;
  retentionMs: number;
  /** Time between two prunings; the first runs at start. Default an hour. */
  intervalMs?: number;
  logger: LoggerService;
}

/**
 * Keeps a consumer's `processed_events` from growing without end: prunes at start and
 * then every `intervalMs`. A failed pruning is logged and tried again next time; it never
 * touches the consumer's own transactions beyond the row locks of the rows it deletes.
 */
export class ProcessedEventsPruner {
  private readonly delay = new InterruptibleDelay();
  private loop: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly options: ProcessedEventsPrunerOptions) {}

  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.delay.interrupt();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    const { pool, groupId, retentionMs, logger } = this.options;
    while (!this.stopping) {
      try {
        const pruned = await pruneProcessedEvents(pool, groupId, retentionMs, { stopped: () => this.stopping });
        if (pruned > 0) logger.log(`pruned ${pruned} processed-event ids of ${groupId} older than ${Math.round(retentionMs / 3_600_000)} h`);
      } catch (error) {
        const { code, message } = describeError(error);
        logger.warn(`pruning processed-event ids of ${groupId} failed (${code}): ${message}; trying again later`);
      }
      if (!this.stopping) await this.delay.wait(this.options.intervalMs ?? 3_600_000);
    }
  }
}
