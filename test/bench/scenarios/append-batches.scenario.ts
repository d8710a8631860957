import type { BenchConfig } from '../bench-config';
import { benchPayloads, type BenchEventData } from '../bench-events';
import type { BenchExpectedVersion, BenchStore } from '../stores/bench-store';
import { inParallel, measurement, timedWithCpu } from '../timing';
import type { PerStore, ScenarioResult } from './scenario.types';
import { sideBySide, type StoreOpener } from './side-by-side';

/**
 * (b) A few writers appending large batches, each to its own stream with an exact
 * expected version: imports and replays. Server-side insert work dominates, not commits.
 */
export async function appendBatches(config: BenchConfig['batches'], rounds: number, openers: PerStore<StoreOpener>): Promise<ScenarioResult> {
  const batch = benchPayloads(config.eventsPerCall);
  const results = await sideBySide('(b) batches', openers, config.poolSize, rounds, async (store, round, serverPids) => {
    await appendBatchesToOwnStreams(store, config.writers, config.warmUpCalls, batch, `warmbatch${round}`);
    const { seconds, cpu } = await timedWithCpu(serverPids, () =>
      appendBatchesToOwnStreams(store, config.writers, config.callsPerWriter, batch, `batch${round}`),
    );
    return measurement(config.writers * config.callsPerWriter * batch.length, seconds, cpu);
  });
  return {
    id: 'b',
    title: `${config.writers} writers (pool ${config.poolSize}), ${config.eventsPerCall} events per call`,
    ours: results.ours,
    emmett: results.emmett,
    goal: { kind: 'ratio', atLeast: 3 },
  };
}

async function appendBatchesToOwnStreams(
  store: BenchStore,
  writers: number,
  calls: number,
  batch: readonly BenchEventData[],
  prefix: string,
): Promise<void> {
  await inParallel(writers, async (writer) => {
    let expected: BenchExpectedVersion = 'no_stream';
    for (let call = 0; call < calls; call++) {
      expected = await store.append(`${prefix}-${writer}`, batch, expected);
    }
  });
}
