import { EventStoreError } from './event-store.error';

/** A schema registry is configured but has no schema for this type (or this version of it). */
export class UnknownEventTypeError extends EventStoreError {
  readonly code = 'UNKNOWN_EVENT_TYPE';

  constructor(
    readonly type: string,
    readonly schemaVersion?: number,
  ) {
    super(
      schemaVersion === undefined
        ? `No schema is registered for event type ${type}`
        : `No schema is registered for event type ${type} version ${schemaVersion}`,
      { type, schemaVersion },
    );
  }
}
