import { performance } from 'node:perf_hooks';
import { startCpuMeter, type CpuSpent } from './cpu-meter';

export interface Measurement {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** CPU per event during the timed phase, in µs; server null when it cannot be read. */
  cpuMicrosPerEvent?: { server: number | null; client: number };
}

export function measurement(events: number, seconds: number, cpu?: CpuSpent): Measurement {
  const result: Measurement = { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0 };
  if (cpu !== undefined && events > 0) {
    const perEvent = (cpuSeconds: number) => Math.round((cpuSeconds / events) * 1e7) / 10;
    result.cpuMicrosPerEvent = { server: cpu.serverSeconds === null ? null : perEvent(cpu.serverSeconds), client: perEvent(cpu.clientSeconds) };
  }
  return result;
}

/** Wall time of `work`, in seconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** Wall time of `work` and the CPU the given server backends and this process spent on it. */
export async function timedWithCpu(serverPids: readonly number[], work: () => Promise<unknown>): Promise<{ seconds: number; cpu: CpuSpent }> {
  const stop = startCpuMeter(serverPids);
  const seconds = await timed(work);
  return { seconds, cpu: stop() };
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
