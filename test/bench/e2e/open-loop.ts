import { performance } from 'node:perf_hooks';

/**
 * An open loop: call `start(i)` for i = 0 … rate × seconds − 1, one every 1/rate seconds
 * whatever the latency of the earlier calls (a closed loop would hide queueing). Resolves
 * once every call has settled, with how late each call started against its schedule.
 * `start` must not reject: callers count their own failures.
 */
export async function runOpenLoop(ratePerSecond: number, seconds: number, start: (i: number) => Promise<void>): Promise<{ total: number; lagsMs: number[] }> {
  const inFlight: Promise<void>[] = [];
  const lagsMs: number[] = [];
  const total = Math.round(ratePerSecond * seconds);
  const begin = performance.now();
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lagsMs.push(Math.max(0, performance.now() - due));
    inFlight.push(start(i));
  }
  await Promise.all(inFlight);
  return { total, lagsMs };
}
