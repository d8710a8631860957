import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchConfig } from '../bench-config';
import type { MachineInfo } from '../machine-info';
import type { ScenarioResult } from '../scenarios/scenario.types';
import { goalText, judge } from './goal-verdict';

/**
 * bench/results/store.json is the latest run; a copy named after the run's time keeps the
 * history that BENCHMARKS.md summarises. Both are git-ignored.
 */
export async function writeResults(
  root: string,
  results: readonly ScenarioResult[],
  machine: MachineInfo,
  config: BenchConfig,
  date: Date,
): Promise<string[]> {
  const directory = join(root, 'bench', 'results');
  await mkdir(directory, { recursive: true });
  const document = {
    benchmark: 'store',
    timestamp: date.toISOString(),
    quick: config.quick,
    machine,
    config,
    scenarios: results.map((result) => {
      const verdict = judge(result);
      return { ...result, ratio: verdict.ratio, goalText: goalText(result.goal), goalMet: verdict.met };
    }),
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const stamp = date.toISOString().replace(/[:.]/g, '-');
  const files = [join(directory, 'store.json'), join(directory, `store-${config.quick ? 'quick-' : ''}${stamp}.json`)];
  for (const file of files) await writeFile(file, text);
  return files;
}
