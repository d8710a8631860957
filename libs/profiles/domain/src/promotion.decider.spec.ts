import { JobNotFoundError, PersonErasedError, PersonOffboardedError, PromotionBeforeJobStartError, PromotionBeforePreviousPromotionError, PromotionNeedsCurrentJobError, PromotionNeedsHigherLevelError, PromotionNeedsJobLevelError } from './person.errors';
import { erased, jobA, jobB, jobC, jobEnded, jobStarted, offboarded, promoted, registered, spec } from './person.test-fixtures';

const promote = (data: { jobId?: string; newLevel?: number; effectiveDate?: string } = {}) => ({
  type: 'Promote' as const,
  data: { newTitle: 'Senior Engineer', newLevel: 3, effectiveDate: '2022-01-01', ...data },
});

describe('person decider: promotions', () => {
  it('promotes within the current full-time job when no job is named', () => {
    const partTime = jobStarted({ jobId: jobB, employmentType: 'part-time', startDate: '2021-01-01', level: 1 });
    spec.given([registered, partTime, jobStarted()]).when(promote()).then([promoted(jobA, 2, 3, '2022-01-01')]);
  });

  it('promotes within the named job', () => {
    const partTime = jobStarted({ jobId: jobB, employmentType: 'part-time', startDate: '2021-01-01', level: 1 });
    spec.given([registered, jobStarted(), partTime]).when(promote({ jobId: jobB, newLevel: 2 })).then([promoted(jobB, 1, 2, '2022-01-01')]);
  });

  it('promotes within the only open job when none is full-time', () => {
    spec.given([registered, jobStarted({ employmentType: 'contract' })]).when(promote()).then([promoted(jobA, 2, 3, '2022-01-01')]);
  });

  it('refuses when there is no current job', () => {
    spec.given([registered]).when(promote()).thenThrows(PromotionNeedsCurrentJobError, 'PROMOTION_NEEDS_CURRENT_JOB');
  });

  it('refuses when the only job has ended', () => {
    spec.given([registered, jobStarted(), jobEnded(jobA, '2021-12-31')]).when(promote()).thenThrows(PromotionNeedsCurrentJobError);
  });

  it('refuses a named job that has ended', () => {
    spec.given([registered, jobStarted(), jobEnded(jobA, '2021-12-31')]).when(promote({ jobId: jobA })).thenThrows(PromotionNeedsCurrentJobError, 'PROMOTION_NEEDS_CURRENT_JOB');
  });

  it('refuses to guess between several open part-time jobs', () => {
    const first = jobStarted({ jobId: jobB, employmentType: 'part-time' });
    const second = jobStarted({ jobId: jobC, employmentType: 'part-time' });
    spec.given([registered, first, second]).when(promote()).thenThrows(PromotionNeedsCurrentJobError);
  });

  it('refuses an unknown job', () => {
    spec.given([registered, jobStarted()]).when(promote({ jobId: jobB })).thenThrows(JobNotFoundError, 'JOB_NOT_FOUND');
  });

  it('refuses when the job has no level on the ladder', () => {
    spec.given([registered, jobStarted({ level: null })]).when(promote()).thenThrows(PromotionNeedsJobLevelError, 'PROMOTION_NEEDS_JOB_LEVEL');
  });

  it('refuses the same level', () => {
    spec.given([registered, jobStarted()]).when(promote({ newLevel: 2 })).thenThrows(PromotionNeedsHigherLevelError, 'PROMOTION_NEEDS_HIGHER_LEVEL');
  });

  it('refuses a lower level', () => {
    spec.given([registered, jobStarted()]).when(promote({ newLevel: 1 })).thenThrows(PromotionNeedsHigherLevelError);
  });

  it('compares with the level of the last promotion', () => {
    spec.given([registered, jobStarted(), promoted(jobA, 2, 4, '2021-01-01')]).when(promote({ newLevel: 3 })).thenThrows(PromotionNeedsHigherLevelError);
  });

  it('promotes again from the last promotion', () => {
    spec.given([registered, jobStarted(), promoted(jobA, 2, 3, '2021-01-01')]).when(promote({ newLevel: 5 })).then([promoted(jobA, 3, 5, '2022-01-01')]);
  });

  it('refuses a promotion before the job started', () => {
    spec.given([registered, jobStarted()]).when(promote({ effectiveDate: '2020-01-05' })).thenThrows(PromotionBeforeJobStartError, 'PROMOTION_BEFORE_JOB_START');
  });

  it('allows a promotion on the first day of the job', () => {
    spec.given([registered, jobStarted()]).when(promote({ effectiveDate: '2020-01-06' })).then([promoted(jobA, 2, 3, '2020-01-06')]);
  });

  it('refuses a promotion on or before the previous one', () => {
    spec
      .given([registered, jobStarted(), promoted(jobA, 2, 3, '2022-01-01')])
      .when(promote({ newLevel: 4, effectiveDate: '2022-01-01' }))
      .thenThrows(PromotionBeforePreviousPromotionError, 'PROMOTION_BEFORE_PREVIOUS_PROMOTION');
  });

  it('refuses promoting an offboarded person', () => {
    spec.given([registered, jobStarted(), offboarded]).when(promote()).thenThrows(PersonOffboardedError, 'PERSON_OFFBOARDED');
  });

  it('refuses promoting an erased person', () => {
    spec.given([registered, jobStarted(), erased]).when(promote()).thenThrows(PersonErasedError, 'PERSON_ERASED');
  });
});
