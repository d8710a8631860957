import { jwtVerify, type JWTPayload } from 'jose';
import { isRole, type Principal } from './principal';

export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';
}

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** HS256 verification with a shared secret (local and test); production would use JWKS. */
export class JwtVerifier {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly issuer?: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], ...(this.issuer === undefined ? {} : { issuer: this.issuer }) }));
    } catch (error) {
      throw new InvalidTokenError(`The bearer token is not valid: ${(error as Error).message}`);
    }
    const { sub, tenant, roles, personId } = payload as JWTPayload & { tenant?: unknown; roles?: unknown; personId?: unknown };
    if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('The token has no subject.');
    if (typeof tenant !== 'string' || !TENANT.test(tenant)) throw new InvalidTokenError('The token has no valid tenant claim.');
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidTokenError('The token has no valid roles claim.');
    return { subject: sub, tenant, roles, ...(typeof personId === 'string' ? { personId } : {}) };
  }
}
