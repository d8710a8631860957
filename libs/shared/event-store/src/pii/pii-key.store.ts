import type { Pool } from 'pg';
import { newDataKey } from './pii-cipher';

/**
 * One data key per subject (a person), in the service's own database. Deleting the row is
 * the erasure: every value sealed with it becomes unreadable, while events stay immutable.
 */
export class PostgresPiiKeyStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Existing keys win a race: two first appends for one subject agree on one key. One
   * round trip on the append path: the CTE inserts what is missing, and the select adds
   * the keys that already existed (the statement's snapshot does not see its own inserts).
   * A key committed by a racing append after this statement's snapshot is in neither part,
   * so a missing subject is read again: a value must never be stored unsealed.
   */
  async getOrCreate(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    const fresh = subjects.map(() => newDataKey());
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer }>({
      name: 'pii_keys_get_or_create_v1',
      text: `WITH inserted AS (
         INSERT INTO pii_keys (subject_id, key) SELECT * FROM unnest($1::text[], $2::bytea[])
         ON CONFLICT (subject_id) DO NOTHING
         RETURNING subject_id, key)
       SELECT subject_id, key FROM inserted
       UNION ALL
       SELECT subject_id, key FROM pii_keys WHERE subject_id = ANY($1::text[])`,
      values: [subjects, fresh],
    });
    const keys = new Map(rows.map((row) => [row.subject_id, row.key]));
    if (keys.size === new Set(subjects).size) return keys;
    return this.load(subjects);
  }

  async load(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer }>({
      name: 'pii_keys_load_v1',
      text: 'SELECT subject_id, key FROM pii_keys WHERE subject_id = ANY($1::text[])',
      values: [subjects],
    });
    return new Map(rows.map((row) => [row.subject_id, row.key]));
  }

  /** Returns whether a key existed. Erasing twice is harmless. */
  async erase(subject: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM pii_keys WHERE subject_id = $1', [subject]);
    return (rowCount ?? 0) > 0;
  }
}
