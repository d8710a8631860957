import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import type { EndJob, Promote, StartJob } from './person.commands';
import {
  JobAlreadyEndedError,
  JobAlreadyExistsError,
  JobEndsBeforePromotionError,
  JobEndsBeforeStartError,
  JobNotFoundError,
  JobStartsBeforeHireError,
  OverlappingFullTimeJobError,
  PromotionBeforeJobStartError,
  PromotionBeforePreviousPromotionError,
  PromotionNeedsCurrentJobError,
  PromotionNeedsHigherLevelError,
  PromotionNeedsJobLevelError,
} from './person.errors';
import { requireActive } from './person.guards';
import { currentLevel, isOpen, type JobState, type PersonRecord, type PersonState } from './person.state';

/** Dates are ISO `YYYY-MM-DD`, so string order is calendar order. */
function overlapsOpenJobFrom(job: JobState, startDate: string): boolean {
  return job.endDate === undefined || job.endDate >= startDate;
}

function requireJob(person: PersonRecord, jobId: string): JobState {
  const job = person.jobs.get(jobId);
  if (job === undefined) throw new JobNotFoundError('No such job.', { jobId });
  return job;
}

export function decideStartJob(command: StartJob, state: PersonState): ProfilesEvent[] {
  const person = requireActive(state);
  const { jobId, startDate, employmentType, field, level, ...rest } = command.data;
  if (person.jobs.has(jobId)) throw new JobAlreadyExistsError('A job with this id already exists.', { jobId });
  if (startDate < person.hireDate) {
    throw new JobStartsBeforeHireError('A job cannot start before the hire date.', { startDate, hireDate: person.hireDate });
  }
  if (employmentType === 'full-time') {
    // The new job is open-ended, so any full-time job not over before its first day clashes.
    const clash = [...person.jobs.values()].find((job) => job.employmentType === 'full-time' && overlapsOpenJobFrom(job, startDate));
    if (clash !== undefined) {
      throw new OverlappingFullTimeJobError('A second full-time job may not overlap a current one.', { conflictingJobId: clash.jobId });
    }
  }
  const data = { personId: person.personId, jobId, ...rest, employmentType, startDate, field: field ?? null, level: level ?? null };
  return [{ type: 'JobStarted', data }];
}

export function decideEndJob(command: EndJob, state: PersonState): ProfilesEvent[] {
  const person = requireActive(state);
  const { jobId, endDate, reason } = command.data;
  const job = requireJob(person, jobId);
  if (job.endDate !== undefined) throw new JobAlreadyEndedError('The job has already ended.', { jobId, endDate: job.endDate });
  if (endDate < job.startDate) {
    throw new JobEndsBeforeStartError('A job cannot end before it starts.', { startDate: job.startDate, endDate });
  }
  const lastPromotion = job.promotions.at(-1);
  if (lastPromotion !== undefined && endDate < lastPromotion.effectiveDate) {
    throw new JobEndsBeforePromotionError('A job cannot end before a promotion in it takes effect.', { effectiveDate: lastPromotion.effectiveDate, endDate });
  }
  const data = reason === undefined ? { personId: person.personId, jobId, endDate } : { personId: person.personId, jobId, endDate, reason };
  return [{ type: 'JobEnded', data }];
}

/**
 * The job a promotion applies to: the named one, else the open full-time job, else the only
 * open job. Several open part-time jobs are ambiguous, so the client must name one.
 */
function promotedJob(person: PersonRecord, jobId: string | undefined): JobState {
  if (jobId !== undefined) {
    const job = requireJob(person, jobId);
    if (!isOpen(job)) throw new PromotionNeedsCurrentJobError('A promotion needs a job that has not ended.', { jobId, endDate: job.endDate });
    return job;
  }
  const open = [...person.jobs.values()].filter(isOpen);
  const job = open.find((candidate) => candidate.employmentType === 'full-time') ?? (open.length === 1 ? open[0] : undefined);
  if (job === undefined) {
    throw new PromotionNeedsCurrentJobError('A promotion needs a current job; name it with jobId when there are several.', { openJobs: open.length });
  }
  return job;
}

export function decidePromote(command: Promote, state: PersonState): ProfilesEvent[] {
  const person = requireActive(state);
  const { newTitle, newLevel, effectiveDate } = command.data;
  const job = promotedJob(person, command.data.jobId);
  const previousLevel = currentLevel(job);
  if (previousLevel === null) {
    throw new PromotionNeedsJobLevelError('A promotion needs the job to have a level on the ladder.', { jobId: job.jobId });
  }
  if (newLevel <= previousLevel) {
    throw new PromotionNeedsHigherLevelError('A promotion must raise the level.', { jobId: job.jobId, currentLevel: previousLevel, newLevel });
  }
  if (effectiveDate < job.startDate) {
    throw new PromotionBeforeJobStartError('A promotion cannot take effect before the job starts.', { startDate: job.startDate, effectiveDate });
  }
  const last = job.promotions.at(-1);
  if (last !== undefined && effectiveDate <= last.effectiveDate) {
    throw new PromotionBeforePreviousPromotionError('A promotion must take effect after the previous one.', {
      previousEffectiveDate: last.effectiveDate,
      effectiveDate,
    });
  }
  return [{ type: 'Promoted', data: { personId: person.personId, jobId: job.jobId, newTitle, newLevel, previousLevel, effectiveDate } }];
}
