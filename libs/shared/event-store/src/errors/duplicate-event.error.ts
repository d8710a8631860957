import { EventStoreError } from './event-store.error';

/**
 * An event id is already stored. Callers that pass their own ids to make a retried command
 * idempotent treat this as "already done" rather than as a failure.
 */
export class DuplicateEventError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT';

  constructor(
    readonly streamId: string,
    /** Parsed from PostgreSQL's error detail when it names the key; otherwise undefined. */
    readonly eventId?: string,
  ) {
    super(`Stream ${streamId}: event ${eventId ?? '(id unknown)'} is already stored`, { streamId, eventId });
  }
}
