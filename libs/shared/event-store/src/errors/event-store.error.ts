/**
 * Base of the store's infrastructure errors. `code` is stable and published: callers and
 * transports switch on it (a conflict becomes 409, a schema violation 422), so a code is
 * never renamed once released.
 */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}
