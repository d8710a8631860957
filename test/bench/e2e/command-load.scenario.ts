import { performance } from 'node:perf_hooks';
import type { GatewayClient } from './gateway-client';
import { runOpenLoop } from './open-loop';
import { percentiles, type Percentiles } from './percentiles';

export interface CommandLoadResult {
  ratePerSecond: number;
  seconds: number;
  sent: number;
  errors: number;
  commandLatencyMs: Percentiles;
  freshnessMs: Percentiles;
}

/**
 * Polling interval while waiting for a sampled command to show up. A figure can only be
 * late by up to one interval, never early; 10 ms is fine-grained next to the 250 ms goal,
 * and every poll is a full read through the gateway on the cores the system runs on.
 */
const FRESHNESS_POLL_MS = 10;
/**
 * Past this age a sampled command is polled every FRESHNESS_SLOW_POLL_MS instead: it has
 * missed the goal whatever the exact figure, and polling every 10 ms would feed the lag it
 * measures (a second of lag meant a hundred reads per sampled command, more CPU than the
 * commands themselves on two cores). Such figures can be late by up to 50 ms.
 */
const FRESHNESS_PRECISE_MS = 300;
const FRESHNESS_SLOW_POLL_MS = 50;
/**
 * Freshness is sampled on one command in ten: polling after every command would add a
 * read storm of its own and measure that instead of the pipeline.
 */
const FRESHNESS_SAMPLE_EVERY = 10;

/**
 * Open-loop load: a command is sent every 1/rate seconds whatever the latency of the
 * previous ones (a closed loop would hide queueing). Each command registers a person;
 * freshness is the time from the 201 until GET /people/:id/career answers 200 (sampled).
 */
export async function runCommandLoad(client: GatewayClient, ratePerSecond: number, seconds: number): Promise<CommandLoadResult> {
  const latencies: number[] = [];
  const freshness: number[] = [];
  let errors = 0;
  const { total } = await runOpenLoop(ratePerSecond, seconds, (i) =>
    (async () => {
      const sentAt = performance.now();
      const reply = await client.send('POST', '/people', { givenName: 'Bench', familyName: `Person ${i}`, email: `bench${i}@example.com`, hireDate: '2019-04-01' });
      const acceptedAt = performance.now();
      latencies.push(acceptedAt - sentAt);
      if (reply.status !== 201) {
        errors++;
        return;
      }
      if (i % FRESHNESS_SAMPLE_EVERY !== 0) return;
      const path = `/people/${String(reply.json['personId'])}/career`;
      for (;;) {
        const read = await client.send('GET', path);
        if (read.status === 200) break;
        if (read.status !== 404 || performance.now() - acceptedAt > 30_000) {
          errors++;
          return;
        }
        const waited = performance.now() - acceptedAt;
        await new Promise((resolve) => setTimeout(resolve, waited < FRESHNESS_PRECISE_MS ? FRESHNESS_POLL_MS : FRESHNESS_SLOW_POLL_MS));
      }
      freshness.push(performance.now() - acceptedAt);
    })().catch(() => {
      errors++;
    }),
  );
  return { ratePerSecond, seconds, sent: total, errors, commandLatencyMs: percentiles(latencies), freshnessMs: percentiles(freshness) };
}
