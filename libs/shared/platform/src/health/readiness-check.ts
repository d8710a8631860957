/** One dependency the service cannot serve without. */
export interface ReadinessCheck {
  /** Key in the readiness report, e.g. `postgres`. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects with a reason otherwise. */
  check(): Promise<void>;
  /** Releases connections the check owns (not ones it was given). */
  close?(): Promise<void>;
}

export interface CheckReport {
  status: 'up' | 'down';
  durationMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckReport>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/** A probe must answer within the orchestrator's own timeout, whatever a driver does. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, so the slowest dependency bounds the probe, not their sum. */
export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs = DEFAULT_CHECK_TIMEOUT_MS): Promise<ReadinessReport> {
  const entries = await Promise.all(
    checks.map(async (c): Promise<[string, CheckReport]> => {
      const started = performance.now();
      try {
        await withTimeout(c.check(), timeoutMs, c.name);
        return [c.name, { status: 'up', durationMs: elapsed(started) }];
      } catch (error) {
        return [c.name, { status: 'down', durationMs: elapsed(started), error: reasonOf(error) }];
      }
    }),
  );
  return {
    status: entries.every(([, r]) => r.status === 'up') ? 'ok' : 'error',
    checks: Object.fromEntries(entries),
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(reasonOf).join('; ');
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
