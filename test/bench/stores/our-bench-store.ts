import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@trajectory/shared/event-store';
import { Pool } from 'pg';
import { BENCH_EVENT_TYPE, BENCH_TENANT } from '../bench-events';
import { BENCH_POOL_OPTIONS, connectAll, reportIdleErrors, type BenchStore } from './bench-store';

/** Our store as services use it: default options (append batching on), no schemas. */
export function ourBenchStore(url: string, poolSize: number): BenchStore {
  const pool = new Pool({ connectionString: url, max: poolSize, ...BENCH_POOL_OPTIONS });
  reportIdleErrors(pool, 'ours');
  const store = new PostgresEventStore(pool);
  return {
    name: 'ours',
    append: async (streamId, events, expected) => {
      const result = await store.appendToStream(
        streamId,
        events.map((data) => ({ type: BENCH_EVENT_TYPE, data })),
        { expectedVersion: expected, tenantId: BENCH_TENANT, correlationId: randomUUID() },
      );
      return result.nextExpectedVersion;
    },
    readStream: async (streamId) => (await store.readStream(streamId)).events.length,
    connectAll: () => connectAll(pool, poolSize),
    close: () => pool.end(),
  };
}
