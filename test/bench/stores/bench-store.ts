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
  /** Opens every connection of the pool, so no timed call waits for a connect. */
  connectAll(): Promise<void>;
  close(): Promise<void>;
}

export type BenchStoreFactory = (poolSize: number) => Promise<BenchStore>;

export async function connectAll(pool: { connect(): Promise<{ release(): void }> }, connections: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const client of clients) client.release();
}
