import type { CareerJobRow, CareerPromotionRow } from '../career-records';
import { dayNumber, earlierDay } from './career-dates';

export interface TimelinePromotion {
  jobId: string;
  effectiveDate: string;
  title: string;
  level: number;
  previousLevel: number;
}

export interface TimelineJob {
  jobId: string;
  /** The title the job started with; `currentTitle` follows its promotions. */
  title: string;
  employer: string;
  employmentType: string;
  field: string | null;
  /** Level the job started at; `currentLevel` follows its promotions. */
  level: number | null;
  currentTitle: string;
  currentLevel: number | null;
  startDate: string;
  endDate: string | null;
  current: boolean;
  durationDays: number;
  promotions: TimelinePromotion[];
}

/** A job on the timeline plus its half-open day interval, for experience sums. */
export interface PlacedJob {
  job: TimelineJob;
  interval: [number, number];
}

function byDateThenVersion(a: CareerPromotionRow, b: CareerPromotionRow): number {
  return a.effectiveDate.localeCompare(b.effectiveDate) || a.streamVersion - b.streamVersion;
}

/**
 * Jobs that had started by `asOf`, each ended by its own end date or by the person's
 * offboarding (a job still open on the last working day ends with it), whichever comes
 * first. Jobs whose start has not arrived yet (events seen out of order) are left out
 * rather than guessed, and so are their promotions.
 */
export function placeJobs(
  jobs: readonly CareerJobRow[],
  promotions: readonly CareerPromotionRow[],
  offboardedOn: string | null,
  asOf: string,
): PlacedJob[] {
  const asOfDay = dayNumber(asOf);
  const placed: PlacedJob[] = [];
  for (const job of jobs) {
    if (job.startDate === null || job.title === null || dayNumber(job.startDate) > asOfDay) continue;
    const end = earlierDay(job.endDate, offboardedOn);
    const endDay = end === null ? null : dayNumber(end);
    const endedByAsOf = endDay !== null && endDay <= asOfDay;
    const start = dayNumber(job.startDate);
    const endExclusive = Math.max(start, endDay !== null && endedByAsOf ? endDay + 1 : asOfDay + 1);
    const own = promotions
      .filter((p) => p.jobId === job.jobId && p.effectiveDate <= asOf)
      .sort(byDateThenVersion)
      .map((p) => ({ jobId: p.jobId, effectiveDate: p.effectiveDate, title: p.newTitle, level: p.newLevel, previousLevel: p.previousLevel }));
    const latest = own[own.length - 1];
    placed.push({
      interval: [start, endExclusive],
      job: {
        jobId: job.jobId,
        title: job.title,
        employer: job.employer ?? '',
        employmentType: job.employmentType ?? 'full-time',
        field: job.field ?? null,
        level: job.level ?? null,
        currentTitle: latest?.title ?? job.title,
        currentLevel: latest?.level ?? job.level ?? null,
        startDate: job.startDate,
        endDate: endedByAsOf ? end : null,
        current: !endedByAsOf,
        durationDays: endExclusive - start,
        promotions: own,
      },
    });
  }
  return placed.sort((a, b) => a.job.startDate.localeCompare(b.job.startDate) || a.job.jobId.localeCompare(b.job.jobId));
}

/**
 * The job that names a person's current position when they hold several: full-time
 * before any other kind, then the most recently started.
 */
export function primaryCurrentJob(jobs: readonly TimelineJob[]): TimelineJob | undefined {
  const current = jobs.filter((job) => job.current);
  const rank = (job: TimelineJob) => (job.employmentType === 'full-time' ? 0 : 1);
  return current.sort((a, b) => rank(a) - rank(b) || b.startDate.localeCompare(a.startDate) || a.jobId.localeCompare(b.jobId))[0];
}

/** Fields are free text on the tenant's side: compare them without case or surrounding spaces. */
export function sameField(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}
