import type { GlobalCheckpoint } from '@trajectory/shared/event-store';
import type { Pool } from 'pg';

/** Where a relay remembers how far it has published. */
export interface OutboxCheckpointStore {
  load(relayName: string): Promise<GlobalCheckpoint | null>;
  save(relayName: string, checkpoint: GlobalCheckpoint): Promise<void>;
}

/** `outbox_checkpoints` in the service's own database (see messagingMigrations). */
export class PostgresOutboxCheckpointStore implements OutboxCheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(relayName: string): Promise<GlobalCheckpoint | null> {
    const result = await this.pool.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text AS transaction_id, global_position::text AS global_position FROM outbox_checkpoints WHERE relay_name = $1',
      [relayName],
    );
    const row = result.rows[0];
    return row === undefined ? null : { transactionId: row.transaction_id, globalPosition: row.global_position };
  }

  async save(relayName: string, checkpoint: GlobalCheckpoint): Promise<void> {
    // Never move backwards: a stale relay instance finishing late must not rewind the
    // checkpoint and make the live one republish everything since.
    await this.pool.query({
      name: 'outbox_checkpoint_save_v1',
      text: `INSERT INTO outbox_checkpoints (relay_name, transaction_id, global_position, updated_at)
       VALUES ($1, $2::text::xid8, $3::bigint, now())
       ON CONFLICT (relay_name) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()
         WHERE (outbox_checkpoints.transaction_id, outbox_checkpoints.global_position)
             < (EXCLUDED.transaction_id, EXCLUDED.global_position)`,
      values: [relayName, checkpoint.transactionId, checkpoint.globalPosition],
    });
  }
}
