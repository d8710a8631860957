import type { BenchEventData } from '../bench-events';

export type StoreName = 'ours' | 'emmett';

/** 'no_stream' for a new stream, else the stream's current version (an exact check). */
export type BenchExpectedVersion = 'no_stream' | number;

/** The little both stores are asked to do, so that the scenarios drive them alike. */
export interface BenchStore {
  readonly name: StoreName;
  /** Answers the stream's version after the append. */
  append(streamId: string, events: readonly BenchEventData[], expected: BenchExpectedVersion): Promise<number>;
  /** Reads the whole stream; answers how many events came back. */
  readStream(streamId: string): Promise<number>;
  /**
   * Opens every connection of the pool, so no timed call waits for a connect; answers the
   * server process ids behind them (the pools never close idle connections, so they stay).
   */
  connectAll(): Promise<number[]>;
  close(): Promise<void>;
}

interface PooledClient {
  query(text: string): Promise<{ rows: Array<Record<string, unknown>> }>;
  release(): void;
}

export async function connectAll(pool: { connect(): Promise<PooledClient> }, connections: number): Promise<number[]> {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    return await Promise.all(clients.map(async (client) => Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0]?.['pid'])));
  } finally {
    for (const client of clients) client.release();
  }
}

/** Same for both stores: every connection stays open for the whole turn (see connectAll). */
export const BENCH_POOL_OPTIONS = { idleTimeoutMillis: 0 } as const;

/**
 * An idle pooled connection that the server ends (e.g. the databases being dropped after a
 * failed run) emits 'error' on its pool; unheard, that would kill the process before the
 * clean-up finishes. Errors of running queries still reach their callers.
 */
export function reportIdleErrors(pool: { on(event: 'error', listener: (error: Error) => void): unknown }, label: string): void {
  pool.on('error', (error) => process.stderr.write(`${label}: idle connection error: ${error.message}\n`));
}
