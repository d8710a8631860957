import type { Goal, ScenarioResult } from '../scenarios/scenario.types';

export interface Verdict {
  /** ours / emmett, when emmett took part. */
  ratio: number | null;
  /** null when the scenario has no goal. */
  met: boolean | null;
}

export function judge(result: ScenarioResult): Verdict {
  const ratio = result.emmett === null || result.emmett.eventsPerSecond === 0 ? null : result.ours.eventsPerSecond / result.emmett.eventsPerSecond;
  switch (result.goal.kind) {
    case 'ratio':
      return { ratio, met: ratio !== null && ratio >= result.goal.atLeast };
    case 'throughput':
      return { ratio, met: result.ours.eventsPerSecond >= result.goal.atLeast };
    case 'none':
      return { ratio, met: null };
  }
}

export function goalText(goal: Goal): string {
  switch (goal.kind) {
    case 'ratio':
      return `≥ ${goal.atLeast}× emmett`;
    case 'throughput':
      return `≥ ${goal.atLeast.toLocaleString('en-US')} ev/s`;
    case 'none':
      return 'none (informative)';
  }
}
