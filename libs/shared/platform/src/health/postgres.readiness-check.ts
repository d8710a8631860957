import type { Pool } from 'pg';
import type { ReadinessCheck } from './readiness-check';

/**
 * Asks through the service's own pool, so "ready" means the connections the service
 * really uses work. The pool belongs to the caller and is not closed here; give it a
 * `connectionTimeoutMillis` so a black-holed server cannot hold a client for long.
 */
export class PostgresReadinessCheck implements ReadinessCheck {
  readonly name = 'postgres';

  constructor(private readonly pool: Pool) {}

  async check(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
