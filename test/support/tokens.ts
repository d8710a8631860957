import { SignJWT } from 'jose';

export interface TokenClaims {
  tenant: string;
  roles: string[];
  sub?: string;
  personId?: string;
}

export function signToken(secret: string, claims: TokenClaims): Promise<string> {
  const { sub = 'e2e-user', ...rest } = claims;
  return new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret));
}
