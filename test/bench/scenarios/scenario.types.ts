import type { StoreName } from '../stores/bench-store';
import type { Measurement } from '../timing';

/** What a scenario promises: a ratio ours/emmett, our own throughput, or nothing. */
export type Goal = { kind: 'ratio'; atLeast: number } | { kind: 'throughput'; atLeast: number } | { kind: 'none' };

/** The median round's measurement, plus each round's events/s in the order run. */
export type StoreFigures = Measurement & { rounds: number[] };

export interface ScenarioResult {
  id: string;
  title: string;
  ours: StoreFigures;
  /** null when only our store takes part. */
  emmett: StoreFigures | null;
  goal: Goal;
  /** Figures that explain the headline one (per-read times, messages on the topic, …). */
  details?: Record<string, number | string>;
}

export type PerStore<T> = Record<StoreName, T>;
