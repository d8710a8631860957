import type { BenchConfig } from '../bench-config';
import { benchPayloads } from '../bench-events';
import type { BenchExpectedVersion, BenchStore } from '../stores/bench-store';
import { measurement, timedWithCpu } from '../timing';
import type { PerStore, ScenarioResult } from './scenario.types';
import { sideBySide, type StoreOpener } from './side-by-side';

/** (c) Loading one long stream whole, as rebuilding a large aggregate does. Informative only. */
export async function readLongStream(config: BenchConfig['readStream'], rounds: number, openers: PerStore<StoreOpener>): Promise<ScenarioResult> {
  const results = await sideBySide('(c) read stream', openers, config.poolSize, rounds, async (store, round, serverPids) => {
    const streamId = `long-${round}`;
    await appendStream(store, streamId, config.streamEvents, config.appendBatch);
    for (let i = 0; i < config.warmUpReads; i++) await readChecked(store, streamId, config.streamEvents);
    // Reads run one after another, so the phase's wall time is the sum of the reads.
    const { seconds, cpu } = await timedWithCpu(serverPids, async () => {
      for (let i = 0; i < config.reads; i++) await readChecked(store, streamId, config.streamEvents);
    });
    return measurement(config.streamEvents * config.reads, seconds, cpu);
  });
  const perReadMs = (eventsPerSecond: number) => Math.round((config.streamEvents / eventsPerSecond) * 10_000) / 10;
  return {
    id: 'c',
    title: `read one ${config.streamEvents.toLocaleString('en-US')}-event stream (${config.reads} reads)`,
    ours: results.ours,
    emmett: results.emmett,
    goal: { kind: 'none' },
    details: { oursMeanReadMs: perReadMs(results.ours.eventsPerSecond), emmettMeanReadMs: perReadMs(results.emmett.eventsPerSecond) },
  };
}

/** Written in batches with exact expected versions, as a long-lived aggregate's history would be. */
async function appendStream(store: BenchStore, streamId: string, events: number, batch: number): Promise<void> {
  let expected: BenchExpectedVersion = 'no_stream';
  for (let written = 0; written < events; written += batch) {
    expected = await store.append(streamId, benchPayloads(Math.min(batch, events - written), written), expected);
  }
}

async function readChecked(store: BenchStore, streamId: string, expected: number): Promise<void> {
  const read = await store.readStream(streamId);
  if (read !== expected) throw new Error(`${store.name} read ${read} events of ${streamId}, expected ${expected}`);
}
