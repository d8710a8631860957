import { step } from '../progress';
import type { BenchStore, StoreName } from '../stores/bench-store';
import type { Measurement } from '../timing';
import type { PerStore, StoreFigures } from './scenario.types';
import { figures } from './store-figures';

/** How a scenario gets at one store: a fresh one on a pool of the given size, and its database's settle. */
export interface StoreOpener {
  open(poolSize: number): BenchStore;
  settle(): Promise<void>;
}

/**
 * One round of a scenario against one store; `round` keeps stream names apart between
 * rounds, `serverPids` are the backends of the store's pool (for CPU per event).
 */
export type RoundRunner = (store: BenchStore, round: number, serverPids: readonly number[]) => Promise<Measurement>;

/**
 * Runs a scenario against each store in turn, never both at once (they share the server's
 * cores), `rounds` times, alternating which store goes first so that a slow spell of the
 * machine does not land on one store only. Each turn starts after its database has
 * settled, on a fresh pool of the same size whose connections are all opened before the
 * scenario's own warm-up.
 */
export async function sideBySide(label: string, openers: PerStore<StoreOpener>, poolSize: number, rounds: number, run: RoundRunner): Promise<PerStore<StoreFigures>> {
  const measured: PerStore<Measurement[]> = { ours: [], emmett: [] };
  for (let round = 0; round < rounds; round++) {
    const order: readonly StoreName[] = round % 2 === 0 ? ['ours', 'emmett'] : ['emmett', 'ours'];
    for (const name of order) {
      await openers[name].settle();
      const store = openers[name].open(poolSize);
      try {
        const serverPids = await store.connectAll();
        measured[name].push(await step(`${label} [${name}] round ${round + 1}/${rounds}`, () => run(store, round, serverPids)));
      } finally {
        await store.close();
      }
    }
  }
  return { ours: figures(measured.ours), emmett: figures(measured.emmett) };
}
