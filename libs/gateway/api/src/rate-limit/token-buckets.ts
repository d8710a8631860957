export interface RateLimitSettings {
  /** Tokens added per second: the sustained request rate. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Above this many keys, buckets that have refilled completely are dropped (they equal new ones). */
const PRUNE_THRESHOLD = 10_000;

/**
 * One token bucket per key, in memory. A gateway replica limits on its own, so with N
 * replicas a token gets up to N times the rate: acceptable for abuse protection, which is
 * what this is for (quotas would need a shared store).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly settings: RateLimitSettings, private readonly now: () => number = () => performance.now()) {
    if (!(settings.ratePerSecond > 0) || !(settings.burst >= 1)) throw new Error('A rate limit needs a positive rate and a burst of at least 1.');
  }

  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    // Whole seconds, as Retry-After requires; never 0, which would invite a hot retry loop.
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.settings.ratePerSecond));
    return { allowed: false, retryAfterSeconds };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= PRUNE_THRESHOLD) this.pruneFull(now);
      bucket = { tokens: this.settings.burst, updatedAt: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.settings.burst, bucket.tokens + elapsedSeconds * this.settings.ratePerSecond);
    bucket.updatedAt = now;
    return bucket;
  }

  private pruneFull(now: number): void {
    const { burst, ratePerSecond } = this.settings;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond >= burst) this.buckets.delete(key);
    }
  }
}
