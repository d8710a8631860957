/** Sizes of one benchmark run; `--quick` shrinks them for a smoke run. */
export interface BenchConfig {
  quick: boolean;
  /** Timed rounds per store and scenario; the report shows the median round. */
  rounds: number;
  newStreams: { writers: number; poolSize: number; appends: number; warmUpAppends: number };
  batches: { writers: number; poolSize: number; callsPerWriter: number; eventsPerCall: number; warmUpCalls: number };
  readStream: { poolSize: number; streamEvents: number; appendBatch: number; warmUpReads: number; reads: number };
  relay: {
    poolSize: number;
    appendWriters: number;
    streams: number;
    eventsPerStream: number;
    warmUpEvents: number;
    batchSize: number;
    idleIntervalMs: number;
    partitions: number;
    timeoutMs: number;
  };
}

const FULL: BenchConfig = {
  quick: false,
  rounds: 3,
  newStreams: { writers: 64, poolSize: 64, appends: 10_000, warmUpAppends: 1_000 },
  batches: { writers: 8, poolSize: 16, callsPerWriter: 100, eventsPerCall: 100, warmUpCalls: 20 },
  readStream: { poolSize: 4, streamEvents: 10_000, appendBatch: 500, warmUpReads: 2, reads: 10 },
  relay: {
    poolSize: 16,
    appendWriters: 8,
    streams: 500,
    eventsPerStream: 100,
    warmUpEvents: 2_000,
    batchSize: 2_000,
    idleIntervalMs: 5,
    partitions: 3,
    timeoutMs: 180_000,
  },
};

const QUICK: BenchConfig = {
  quick: true,
  rounds: 1,
  newStreams: { ...FULL.newStreams, appends: 1_000, warmUpAppends: 128 },
  batches: { ...FULL.batches, callsPerWriter: 10, warmUpCalls: 1 },
  readStream: { ...FULL.readStream, streamEvents: 2_000, warmUpReads: 1, reads: 3 },
  relay: { ...FULL.relay, streams: 50, warmUpEvents: 500, timeoutMs: 30_000 },
};

export function benchConfig(args: readonly string[]): BenchConfig {
  const unknown = args.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --quick is understood)`);
  return args.includes('--quick') ? QUICK : FULL;
}
