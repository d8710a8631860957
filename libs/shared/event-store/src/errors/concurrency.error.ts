import type { ExpectedVersion } from '../event-store.types';
import { EventStoreError } from './event-store.error';

/** The stream moved on since the caller read it; reload and decide again. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    /** Undefined when another writer won a race we only learnt about from the unique index. */
    readonly actualVersion?: number,
  ) {
    super(
      `Stream ${streamId}: expected version ${String(expectedVersion)}` +
        (actualVersion === undefined ? ', but another writer appended first' : `, actual ${actualVersion}`),
      { streamId, expectedVersion, actualVersion },
    );
  }
}
