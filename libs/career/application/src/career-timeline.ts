/** Read-model rows the timeline is computed from (one person, their jobs). */
export interface CareerPersonRow {
  personId: string;
  givenName: string | null;
  familyName: string | null;
  hireDate: string | null;
}

export interface CareerJobRow {
  jobId: string;
  title: string | null;
  employer: string | null;
  employmentType: string | null;
  startDate: string | null;
  endDate: string | null;
}

export type CareerStage = 'early' | 'mid' | 'senior';

export interface TimelineJob {
  jobId: string;
  title: string;
  employer: string;
  employmentType: string;
  startDate: string;
  endDate: string | null;
  current: boolean;
  durationDays: number;
}

export interface CareerTimeline {
  personId: string;
  name: string | null;
  hireDate: string | null;
  asOf: string;
  jobs: TimelineJob[];
  totalExperienceDays: number;
  stage: CareerStage;
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/**
 * Experience stages of the domain language: early (entry-level, under 3 years), mid
 * (3 to under 8 years), senior (8 years and more). Counted from experience, not age.
 */
export function careerStage(totalExperienceDays: number): CareerStage {
  const years = totalExperienceDays / YEAR_DAYS;
  if (years < 3) return 'early';
  if (years < 8) return 'mid';
  return 'senior';
}

/** Days covered by at least one job; parallel jobs are not counted twice. */
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

/**
 * Builds the career as of a day: jobs that had started by then, in order, with their
 * durations (an end date is inclusive). Jobs whose start has not arrived yet (events seen
 * out of order) are left out rather than guessed.
 */
export function buildCareerTimeline(person: CareerPersonRow, jobs: readonly CareerJobRow[], asOf: string): CareerTimeline {
  const asOfDay = dayNumber(asOf);
  const timelineJobs: TimelineJob[] = [];
  const intervals: Array<[number, number]> = [];
  for (const job of jobs) {
    if (job.startDate === null || job.title === null || dayNumber(job.startDate) > asOfDay) continue;
    const endedByAsOf = job.endDate !== null && dayNumber(job.endDate) <= asOfDay;
    const start = dayNumber(job.startDate);
    const endExclusive = endedByAsOf ? dayNumber(job.endDate as string) + 1 : asOfDay + 1;
    intervals.push([start, endExclusive]);
    timelineJobs.push({
      jobId: job.jobId,
      title: job.title,
      employer: job.employer ?? '',
      employmentType: job.employmentType ?? 'full-time',
      startDate: job.startDate,
      endDate: endedByAsOf ? job.endDate : null,
      current: !endedByAsOf,
      durationDays: endExclusive - start,
    });
  }
  timelineJobs.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.jobId.localeCompare(b.jobId));
  const totalExperienceDays = coveredDays(intervals);
  const name = person.givenName === null ? null : `${person.givenName} ${person.familyName ?? ''}`.trim();
  return { personId: person.personId, name, hireDate: person.hireDate, asOf, jobs: timelineJobs, totalExperienceDays, stage: careerStage(totalExperienceDays) };
}
