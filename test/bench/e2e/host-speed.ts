import { performance } from 'node:perf_hooks';

const ROUNDS = 9;
const WARM_UP_ROUNDS = 2; // the first rounds run before the loop is optimised

/**
 * A fixed piece of single-threaded work, timed (ms, median of the rounds after warm-up).
 * On a shared virtual machine the same code runs at different speeds at different times;
 * taken before and after a run, this tells a slow host from a slower system when runs
 * are compared.
 */
export function referenceWorkMs(): number {
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < 50_000_000; i++) sink = (sink + (i % 7)) | 0;
    if (round >= WARM_UP_ROUNDS) times.push(performance.now() - start);
  }
  if (sink === -1) return 0; // uses the result, so the loop is not optimised away
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
}
