import { performance } from 'node:perf_hooks';

export interface Measurement {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export function measurement(events: number, seconds: number): Measurement {
  return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0 };
}

/** Wall time of `work`, in seconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** `count` workers at once; the first failure fails the whole run. */
export async function inParallel(count: number, worker: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, index) => worker(index)));
}

/**
 * Polls a cheap in-process condition. Used instead of fixed sleeps so that a wait ends as
 * soon as the condition holds; the short poll bounds how late the end is noticed.
 */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string, pollMs = 2): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
