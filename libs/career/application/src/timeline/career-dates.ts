const DAY_MS = 86_400_000;
export const YEAR_DAYS = 365.25;
export const MONTH_DAYS = YEAR_DAYS / 12;

/** Days since the epoch of a `YYYY-MM-DD` calendar day, read as UTC so no zone shifts it. */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Days covered by at least one half-open interval [start, end); parallel ones are not counted twice. */
export function coveredDays(intervals: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reachedUntil = Number.NEGATIVE_INFINITY;
  for (const [start, end] of sorted) {
    const from = Math.max(start, reachedUntil);
    if (end > from) total += end - from;
    reachedUntil = Math.max(reachedUntil, end);
  }
  return total;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The earlier of two optional calendar days (ISO dates compare as text). */
export function earlierDay(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return a <= b ? a : b;
}
