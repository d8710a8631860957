/** Sizes of one benchmark run; `--quick` shrinks them for a smoke run. */
export type ScenarioKey = 'a' | 'b' | 'c' | 'd';

export interface BenchConfig {
  quick: boolean;
  /** Scenarios to run (`--only b,d`); all of them by default. */
  only: ReadonlySet<ScenarioKey>;
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

const ALL_SCENARIOS: readonly ScenarioKey[] = ['a', 'b', 'c', 'd'];

const FULL: BenchConfig = {
  quick: false,
  only: new Set(ALL_SCENARIOS),
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
  only: FULL.only,
  rounds: 1,
  newStreams: { ...FULL.newStreams, appends: 1_000, warmUpAppends: 128 },
  batches: { ...FULL.batches, callsPerWriter: 10, warmUpCalls: 1 },
  readStream: { ...FULL.readStream, streamEvents: 2_000, warmUpReads: 1, reads: 3 },
  relay: { ...FULL.relay, streams: 50, warmUpEvents: 500, timeoutMs: 30_000 },
};

/** `--quick` and `--only a,b,c,d`; anything else is refused. */
export function benchConfig(args: readonly string[]): BenchConfig {
  const base = args.includes('--quick') ? QUICK : FULL;
  let only = base.only;
  const rest: string[] = [];
  for (const arg of args) {
    if (arg === '--quick') continue;
    const match = /^--only=?(.*)$/.exec(arg);
    if (match === null) {
      rest.push(arg);
      continue;
    }
    only = parseOnly(match[1] ?? '');
  }
  if (rest.length > 0) throw new Error(`unknown argument(s): ${rest.join(' ')} (understood: --quick, --only=a,b,c,d)`);
  return { ...base, only };
}

function parseOnly(list: string): ReadonlySet<ScenarioKey> {
  const keys = list.split(',').map((key) => key.trim()).filter((key) => key !== '');
  const unknown = keys.filter((key) => !(ALL_SCENARIOS as readonly string[]).includes(key));
  if (keys.length === 0 || unknown.length > 0) throw new Error(`--only takes a list of scenarios out of ${ALL_SCENARIOS.join(',')}, got '${list}'`);
  return new Set(keys as ScenarioKey[]);
}
