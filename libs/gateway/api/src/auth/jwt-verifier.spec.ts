import { SignJWT } from 'jose';
import { InvalidTokenError, JwtVerifier } from './jwt-verifier';

const secret = 'a-test-secret-that-is-at-least-32-characters';
const sign = (claims: Record<string, unknown>, key = secret, subject: string | null = 'u1', expires = '1h') => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expires);
  return (subject === null ? jwt : jwt.setSubject(subject)).sign(new TextEncoder().encode(key));
};

describe('JwtVerifier', () => {
  const verifier = new JwtVerifier(secret);

  it('returns the principal of a valid token', async () => {
    const token = await sign({ tenant: 'acme', roles: ['hr-admin', 'analyst'], personId: 'p1' });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'u1', tenant: 'acme', roles: ['hr-admin', 'analyst'], personId: 'p1' });
  });

  it.each([
    ['a token signed with another secret', () => sign({ tenant: 'acme', roles: ['employee'] }, 'another-secret-of-32-characters-or-more')],
    ['an expired token', () => sign({ tenant: 'acme', roles: ['employee'] }, secret, 'u1', '-1m')],
    ['a token without a subject', () => sign({ tenant: 'acme', roles: ['employee'] }, secret, null)],
    ['a token without a tenant', () => sign({ roles: ['employee'] })],
    ['a token with an unknown role', () => sign({ tenant: 'acme', roles: ['root'] })],
    ['a token with roles that are not a list', () => sign({ tenant: 'acme', roles: 'hr-admin' })],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s', async (_name, token) => {
    await expect(verifier.verify(await token())).rejects.toBeInstanceOf(InvalidTokenError);
  });

  describe('reusing verified tokens', () => {
    afterEach(() => jest.useRealTimers());

    it('answers a repeated token from its cache, with the same principal', async () => {
      const cached = new JwtVerifier(secret);
      const token = await sign({ tenant: 'acme', roles: ['employee'], personId: 'p1' });
      const first = await cached.verify(token);
      await expect(cached.verify(token)).resolves.toBe(first);
    });

    it('stops accepting a cached token once it expires', async () => {
      jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
      const cached = new JwtVerifier(secret);
      const token = await sign({ tenant: 'acme', roles: ['employee'] }, secret, 'u1', '30s');
      await expect(cached.verify(token)).resolves.toMatchObject({ subject: 'u1' });
      jest.setSystemTime(new Date('2026-01-01T00:00:31Z'));
      jest.advanceTimersByTime(31_000);
      await expect(cached.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    });

    it('never caches a refused token', async () => {
      const cached = new JwtVerifier(secret);
      const token = await sign({ tenant: 'acme', roles: ['root'] });
      await expect(cached.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
      await expect(cached.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    });
  });
});
