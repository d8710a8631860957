import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { isRole, type Principal } from './principal';

export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';
}

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Tokens verified recently; a client sends the same token with every request. */
const CACHED_TOKENS = 10_000;
/** Longest a verification is reused, whatever the token's own expiry. */
const CACHE_TTL_MS = 60_000;

/**
 * HS256 verification with a shared secret (local and test); production would use JWKS.
 *
 * A verified token's principal is reused until the token expires (at most a minute): the
 * signature of an identical token string cannot change, and expiry is the only claim that
 * depends on time (a token is only cached once its not-before has passed). That spares
 * every request after a client's first one the HMAC and the claim checks.
 */
export class JwtVerifier {
  private readonly key: KeyObject;
  private readonly verified = new LRUCache<string, { principal: Principal; until: number }>({ max: CACHED_TOKENS });

  constructor(secret: string, private readonly issuer?: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    // Checked against the wall clock, as jose checks expiry, not against the cache's timers.
    if (cached !== undefined && Date.now() < cached.until) return cached.principal;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], ...(this.issuer === undefined ? {} : { issuer: this.issuer }) }));
    } catch (error) {
      throw new InvalidTokenError(`The bearer token is not valid: ${(error as Error).message}`);
    }
    const principal = toPrincipal(payload);
    const until = Math.min(Date.now() + CACHE_TTL_MS, typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity);
    this.verified.set(token, { principal, until });
    return principal;
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const { sub, tenant, roles, personId } = payload as JWTPayload & { tenant?: unknown; roles?: unknown; personId?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('The token has no subject.');
  if (typeof tenant !== 'string' || !TENANT.test(tenant)) throw new InvalidTokenError('The token has no valid tenant claim.');
  if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidTokenError('The token has no valid roles claim.');
  return { subject: sub, tenant, roles, ...(typeof personId === 'string' ? { personId } : {}) };
}
