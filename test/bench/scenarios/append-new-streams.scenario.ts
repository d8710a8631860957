import type { BenchConfig } from '../bench-config';
import { benchPayload } from '../bench-events';
import type { BenchStore } from '../stores/bench-store';
import { inParallel, measurement, timed } from '../timing';
import type { PerStore, ScenarioResult } from './scenario.types';
import { sideBySide, type StoreOpener } from './side-by-side';

/**
 * (a) Many writers, each appending one event to a stream that must not exist yet: the
 * shape of command handlers creating aggregates. Commit cost dominates.
 */
export async function appendNewStreams(config: BenchConfig['newStreams'], openers: PerStore<StoreOpener>): Promise<ScenarioResult> {
  const results = await sideBySide('(a) new streams', openers, config.poolSize, async (store) => {
    await appendOneEachToNewStreams(store, config.writers, config.warmUpAppends, 'warmnew');
    const seconds = await timed(() => appendOneEachToNewStreams(store, config.writers, config.appends, 'new'));
    return measurement(config.appends, seconds);
  });
  return {
    id: 'a',
    title: `${config.writers} writers, 1 event to a new stream per call`,
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
