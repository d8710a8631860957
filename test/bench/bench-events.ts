import { randomUUID } from 'node:crypto';

/** Event data of one benchmark event; a type alias so that it is a Record for emmett. */
export type BenchEventData = {
  goalId: string;
  title: string;
  progress: number;
  note: string;
};

export const BENCH_EVENT_TYPE = 'GoalProgressRecorded';
export const BENCH_TENANT = 'bench-tenant';

const DISTINCT_PAYLOADS = 256;

/**
 * Payloads are made once, before any timing, and shared by both stores: the client has
 * the same two cores as the server, so building data inside the timed loops would be
 * measured too. About 200 bytes of JSON each, identical for both stores.
 */
const payloads: readonly BenchEventData[] = Array.from({ length: DISTINCT_PAYLOADS }, (_, i) => ({
  goalId: randomUUID(),
  title: `Lead the quarterly planning for team ${i % 17}`,
  progress: (i % 100) / 100,
  note: `check-in ${i}: ${'steady progress on the agreed milestones '.repeat(2).trim()}`,
}));

export function benchPayload(i: number): BenchEventData {
  return payloads[i % DISTINCT_PAYLOADS] as BenchEventData;
}

export function benchPayloads(count: number, offset = 0): BenchEventData[] {
  return Array.from({ length: count }, (_, i) => benchPayload(offset + i));
}
