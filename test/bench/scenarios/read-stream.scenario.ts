import { performance } from 'node:perf_hooks';
import type { BenchConfig } from '../bench-config';
import { benchPayloads } from '../bench-events';
import type { BenchExpectedVersion, BenchStore } from '../stores/bench-store';
import { measurement, median } from '../timing';
import type { PerStore, ScenarioResult } from './scenario.types';
import { sideBySide, type StoreOpener } from './side-by-side';

/** (c) Loading one long stream whole, as rebuilding a large aggregate does. Informative only. */
export async function readLongStream(config: BenchConfig['readStream'], openers: PerStore<StoreOpener>): Promise<ScenarioResult> {
  const results = await sideBySide('(c) read stream', openers, config.poolSize, async (store) => {
    const streamId = 'long-1';
    await appendStream(store, streamId, config.streamEvents, config.appendBatch);
    for (let i = 0; i < config.warmUpReads; i++) await readChecked(store, streamId, config.streamEvents);
    const times: number[] = [];
    for (let i = 0; i < config.reads; i++) {
      const start = performance.now();
      await readChecked(store, streamId, config.streamEvents);
      times.push((performance.now() - start) / 1000);
    }
    const total = times.reduce((sum, t) => sum + t, 0);
    return { measurement: measurement(config.streamEvents * config.reads, total), times };
  });
  return {
    id: 'c',
    title: `read one ${config.streamEvents.toLocaleString('en-US')}-event stream (${config.reads} reads)`,
    ours: results.ours.measurement,
    emmett: results.emmett.measurement,
    goal: { kind: 'none' },
    details: {
      oursMedianReadMs: round(median(results.ours.times) * 1000),
      emmettMedianReadMs: round(median(results.emmett.times) * 1000),
    },
  };
}

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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
