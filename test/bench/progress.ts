import { performance } from 'node:perf_hooks';

/**
 * One plain line per step on stderr: cheap (nothing redraws while a scenario is timed) and
 * it keeps stdout for the report.
 */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  process.stderr.write(`  ${label} …\n`);
  const result = await work();
  process.stderr.write(`  ${label}: done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  return result;
}

export function heading(text: string): void {
  process.stderr.write(`\n${text}\n`);
}
