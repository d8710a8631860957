import type { Measurement } from '../timing';
import type { StoreFigures } from './scenario.types';

/** The headline is the median round (by throughput); every round is kept for the record. */
export function figures(rounds: readonly Measurement[]): StoreFigures {
  const sorted = [...rounds].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error('a scenario ran no rounds');
  return { ...middle, rounds: rounds.map((r) => Math.round(r.eventsPerSecond)) };
}
