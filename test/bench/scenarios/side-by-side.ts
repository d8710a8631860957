import { step } from '../progress';
import type { BenchStore, StoreName } from '../stores/bench-store';
import type { PerStore } from './scenario.types';

export type StoreOpener = (poolSize: number) => BenchStore;

/**
 * Runs one scenario against each store in turn, never both at once (they share the
 * server's two cores), each on a fresh pool of the same size with every connection opened
 * before the scenario's own warm-up.
 */
export async function sideBySide<T>(
  label: string,
  openers: PerStore<StoreOpener>,
  poolSize: number,
  run: (store: BenchStore) => Promise<T>,
): Promise<PerStore<T>> {
  const results: Partial<PerStore<T>> = {};
  for (const name of ['ours', 'emmett'] as const satisfies readonly StoreName[]) {
    const store = openers[name](poolSize);
    try {
      await store.connectAll();
      results[name] = await step(`${label} [${name}]`, () => run(store));
    } finally {
      await store.close();
    }
  }
  return results as PerStore<T>;
}
