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
  freshnessMethod: FreshnessMethod;
}

/**
 * How freshness is observed. `wait`: one GET /people/:id/career?minVersion=<the 201's
 * ETag>, which the career service answers the moment the projection has the command
 * (read-your-writes); the figure is exact and costs one read per sample. `poll`: GET
 * without minVersion until it answers 200 (the method before minVersion existed, kept for
 * comparison); a figure can be late by up to one interval, and every poll is a read on
 * the cores the system runs on.
 */
export type FreshnessMethod = 'wait' | 'poll';

/** `poll`: interval while waiting for a sampled command to show up. */
const FRESHNESS_POLL_MS = 10;
/** `poll`: past this age a sampled command is polled every FRESHNESS_SLOW_POLL_MS instead, not to feed the lag it measures. */
const FRESHNESS_PRECISE_MS = 300;
const FRESHNESS_SLOW_POLL_MS = 50;
/** Past this, a sampled command that never shows up counts as an error. */
const FRESHNESS_GIVE_UP_MS = 30_000;
/**
 * Freshness is sampled on one command in ten: reading after every command would add a
 * read load of its own and measure that instead of the pipeline.
 */
const FRESHNESS_SAMPLE_EVERY = 10;

/**
 * Open-loop load: a command is sent every 1/rate seconds whatever the latency of the
 * previous ones (a closed loop would hide queueing). Each command registers a person;
 * freshness is the time from the 201 until GET /people/:id/career answers 200 (sampled),
 * read over `reader` (its own connections: waiting reads must not hold up commands).
 */
export async function runCommandLoad(
  client: GatewayClient,
  reader: GatewayClient,
  ratePerSecond: number,
  seconds: number,
  method: FreshnessMethod = 'wait',
): Promise<CommandLoadResult> {
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
      const seen = method === 'wait' ? await waitForVersion(reader, path, reply.etag, acceptedAt) : await pollUntilFound(reader, path, acceptedAt);
      if (seen) freshness.push(performance.now() - acceptedAt);
      else errors++;
    })().catch(() => {
      errors++;
    }),
  );
  return { ratePerSecond, seconds, sent: total, errors, commandLatencyMs: percentiles(latencies), freshnessMs: percentiles(freshness), freshnessMethod: method };
}

async function waitForVersion(reader: GatewayClient, path: string, etag: string | undefined, acceptedAt: number): Promise<boolean> {
  const version = /^"(\d+)"$/.exec(etag ?? '')?.[1];
  if (version === undefined) return false;
  for (;;) {
    const read = await reader.send('GET', `${path}?minVersion=${version}`);
    if (read.status === 200) return read.etag !== undefined && Number(/\d+/.exec(read.etag)?.[0]) >= Number(version);
    // 503: the service's wait ran out before the projection caught up; ask again.
    if (read.status !== 503 || performance.now() - acceptedAt > FRESHNESS_GIVE_UP_MS) return false;
  }
}

async function pollUntilFound(reader: GatewayClient, path: string, acceptedAt: number): Promise<boolean> {
  for (;;) {
    const read = await reader.send('GET', path);
    if (read.status === 200) return true;
    const waited = performance.now() - acceptedAt;
    if (read.status !== 404 || waited > FRESHNESS_GIVE_UP_MS) return false;
    await new Promise((resolve) => setTimeout(resolve, waited < FRESHNESS_PRECISE_MS ? FRESHNESS_POLL_MS : FRESHNESS_SLOW_POLL_MS));
  }
}
