import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST, type Event } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { BENCH_EVENT_TYPE, BENCH_TENANT, type BenchEventData } from '../bench-events';
import { BENCH_POOL_OPTIONS, connectAll, reportIdleErrors, type BenchStore } from './bench-store';

type BenchMetadata = { tenantId: string; correlationId: string; causationId: string };
type EmmettBenchEvent = Event<typeof BENCH_EVENT_TYPE, BenchEventData, BenchMetadata>;

/** Creates emmett's tables and functions in a fresh database (its own migration). */
export async function migrateEmmett(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 2 });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  try {
    await store.schema.migrate();
  } finally {
    await store.close();
    await pool.end();
  }
}

/**
 * Emmett on a pg.Pool we size ourselves, so both stores get the same connections. The
 * metadata carries the same fields ours stores (tenant, correlation, causation), so rows
 * are of comparable size.
 */
export function emmettBenchStore(url: string, poolSize: number): BenchStore {
  const pool = new Pool({ connectionString: url, max: poolSize, ...BENCH_POOL_OPTIONS });
  reportIdleErrors(pool, 'emmett');
  // The schema was created by migrateEmmett; no per-call check is needed.
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool }, schema: { autoMigration: 'None' } });
  return {
    name: 'emmett',
    append: async (streamId, events, expected) => {
      const correlationId = randomUUID();
      const metadata: BenchMetadata = { tenantId: BENCH_TENANT, correlationId, causationId: correlationId };
      const result = await store.appendToStream<EmmettBenchEvent>(
        streamId,
        events.map((data) => ({ type: BENCH_EVENT_TYPE, data, metadata })),
        { expectedStreamVersion: expected === 'no_stream' ? STREAM_DOES_NOT_EXIST : BigInt(expected) },
      );
      return Number(result.nextExpectedStreamVersion);
    },
    readStream: async (streamId) => (await store.readStream<EmmettBenchEvent>(streamId)).events.length,
    connectAll: () => connectAll(pool, poolSize),
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
