/**
 * Base of every rule violation. `code` is stable and published: clients switch on it,
 * so a code is never renamed once released. Transports map these to 409/422 in `api`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /**
   * Which kind of answer the violation deserves; transports pick the status from it:
   * rule 422, conflict 409, not-found 404, precondition 412 (a stale If-Match),
   * unavailable 503 (not yet possible, e.g. a read model behind a write; asking again
   * after `retryAfterSeconds`, when the error has it, may succeed).
   */
  readonly kind: 'rule' | 'conflict' | 'not-found' | 'precondition' | 'unavailable' = 'rule';

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}
