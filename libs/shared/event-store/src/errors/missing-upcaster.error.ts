import { EventStoreError } from './event-store.error';

/**
 * A stored event is older than the newest schema and no upcaster bridges one of the steps.
 * Handing out the old shape as if it were new would corrupt every reader, so reading fails.
 */
export class MissingUpcasterError extends EventStoreError {
  readonly code = 'MISSING_UPCASTER';

  constructor(
    readonly type: string,
    readonly fromVersion: number,
    readonly targetVersion: number,
  ) {
    super(`Event ${type}: no upcaster from v${fromVersion} (needed to reach v${targetVersion})`, {
      type,
      fromVersion,
      targetVersion,
    });
  }
}
