import type { BenchConfig } from '../bench-config';
import { benchPayload } from '../bench-events';
import type { BenchStore } from '../stores/bench-store';
import { inParallel, measurement, timedWithCpu } from '../timing';
import type { PerStore, ScenarioResult } from './scenario.types';
import { sideBySide, type StoreOpener } from './side-by-side';

/**
 * (a) Many writers, each appending one event to a stream that must not exist yet: the
 * shape of command handlers creating aggregates. Commit cost dominates.
 */
export async function appendNewStreams(config: BenchConfig['newStreams'], rounds: number, openers: PerStore<StoreOpener>): Promise<ScenarioResult> {
  const results = await sideBySide('(a) new streams', openers, config.poolSize, rounds, async (store, round, serverPids) => {
    await appendOneEachToNewStreams(store, config.writers, config.warmUpAppends, `warmnew${round}`);
    const { seconds, cpu } = await timedWithCpu(serverPids, () => appendOneEachToNewStreams(store, config.writers, config.appends, `new${round}`));
    return measurement(config.appends, seconds, cpu);
  });
  return {
    id: 'a',
    title: `${config.writers} writers (pool ${config.poolSize}), 1 event per call, new streams`,
    ours: results.ours,
    emmett: results.emmett,
    goal: { kind: 'ratio', atLeast: 3 },
  };
}

/** Writers take the next stream number from a shared counter until `appends` are done. */
async function appendOneEachToNewStreams(store: BenchStore, writers: number, appends: number, prefix: string): Promise<void> {
  let next = 0;
  await inParallel(writers, async () => {
    for (let i = next++; i < appends; i = next++) {
      await store.append(`${prefix}-${i}`, [benchPayload(i)], 'no_stream');
    }
  });
}
