/**
 * Base of every rule violation. `code` is stable and published: clients switch on it,
 * so a code is never renamed once released. Transports map these to 409/422 in `api`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Which kind of HTTP answer the violation deserves; transports decide the exact status. */
  readonly kind: 'rule' | 'conflict' | 'not-found' = 'rule';

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}
