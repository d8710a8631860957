import { performance } from 'node:perf_hooks';
import type { GatewayClient } from './gateway-client';
import { runOpenLoop } from './open-loop';
import { percentiles, type Percentiles } from './percentiles';

export interface PacedReadResult {
  ratePerSecond: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  latencyMs: Percentiles;
  /** How late requests left against their schedule: the generator keeping pace, or not. */
  sendLagMs: Percentiles;
}

/**
 * GET /people/:id/career as an open loop at an even pace: a request is due every 1/rate
 * seconds, whatever the latency of the earlier ones, cycling over real people. Latency is
 * request → complete answer. Unlike autocannon's overallRate, which gives each of its
 * connections an equal share of the rate on timers that start together (so the requests
 * arrive in bursts of one per connection), arrivals here are spread evenly.
 */
export async function runPacedReadLoad(client: GatewayClient, personIds: readonly string[], ratePerSecond: number, seconds: number): Promise<PacedReadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const { total, lagsMs } = await runOpenLoop(ratePerSecond, seconds, (i) => {
    const sentAt = performance.now();
    return client.send('GET', `/people/${personIds[i % personIds.length] ?? ''}/career`).then(
      (reply) => {
        latencies.push(performance.now() - sentAt);
        if (reply.status < 200 || reply.status >= 300) non2xx++;
      },
      () => {
        errors++;
      },
    );
  });
  return { ratePerSecond, seconds, requests: total, errors, non2xx, latencyMs: percentiles(latencies), sendLagMs: percentiles(lagsMs) };
}
