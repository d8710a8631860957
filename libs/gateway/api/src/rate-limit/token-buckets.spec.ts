import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 0;
  });

  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 2, burst: 3 }, now);
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the configured rate, never beyond the burst', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 10, burst: 5 }, now);
    for (let i = 0; i < 5; i++) buckets.take('a');
    expect(buckets.take('a').allowed).toBe(false);
    clock += 100; // one token
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 0 });
    expect(buckets.take('a').allowed).toBe(false);
    clock += 60_000;
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 4 });
  });

  it('asks a slow bucket to wait longer than a second', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 0.25, burst: 1 }, now);
    buckets.take('a');
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 4 });
    clock += 3_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1 }, now);
    expect(buckets.take('acme:alice').allowed).toBe(true);
    expect(buckets.take('acme:alice').allowed).toBe(false);
    expect(buckets.take('acme:bob').allowed).toBe(true);
    expect(buckets.take('globex:alice').allowed).toBe(true);
  });

  it('forgets full buckets once many keys are held, keeping the ones still draining', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 2 }, now);
    buckets.take('busy');
    buckets.take('busy');
    for (let i = 0; i < 9_999; i++) buckets.take(`idle-${i}`);
    clock += 1_000; // idle buckets are full again; "busy" has one token of two
    buckets.take('newcomer');
    expect(buckets.size).toBe(2);
    expect(buckets.take('busy')).toEqual({ allowed: true, remaining: 0 });
    expect(buckets.take('busy').allowed).toBe(false);
  });

  it('refuses settings that would never admit a request', () => {
    expect(() => new TokenBuckets({ ratePerSecond: 0, burst: 1 })).toThrow();
    expect(() => new TokenBuckets({ ratePerSecond: 1, burst: 0 })).toThrow();
  });
});
