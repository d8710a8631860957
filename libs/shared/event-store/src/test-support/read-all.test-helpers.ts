import type { EventStore, GlobalCheckpoint, StoredEvent } from '../event-store.types';

export const checkpointOf = (event: StoredEvent): GlobalCheckpoint => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
});

/** Reads from `after` until the store has nothing more to give. */
export async function drain(store: EventStore, after: GlobalCheckpoint | null, limit = 100): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let batch = await store.readAll({ after, limit }); batch.length > 0; ) {
    all.push(...batch);
    batch = await store.readAll({ after: checkpointOf(batch[batch.length - 1] as StoredEvent), limit });
  }
  return all;
}

/** The checkpoint after everything readable now, for tests that share a database. */
export async function currentCheckpoint(store: EventStore): Promise<GlobalCheckpoint | null> {
  const last = (await drain(store, null)).at(-1);
  return last === undefined ? null : checkpointOf(last);
}
