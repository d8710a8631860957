import type { EmploymentType } from '@trajectory/contracts/profiles';
import {
  JobAlreadyEndedError,
  JobAlreadyExistsError,
  JobEndsBeforePromotionError,
  JobEndsBeforeStartError,
  JobNotFoundError,
  JobStartsBeforeHireError,
  OverlappingFullTimeJobError,
  PersonNotFoundError,
  PersonOffboardedError,
} from './person.errors';
import { jobA, jobB, jobEnded, jobStarted, offboarded, personId, promoted, registered, spec } from './person.test-fixtures';

const startA = { jobId: jobA, title: 'Engineer', employer: 'R&D', employmentType: 'full-time' as EmploymentType, startDate: '2020-01-06', field: 'engineering', level: 2 };
const startB = (overrides: Partial<typeof startA> = {}) => ({ type: 'StartJob' as const, data: { ...startA, jobId: jobB, title: 'Lead', ...overrides } });

describe('person decider: starting jobs', () => {
  it('starts a job with its field and level', () => {
    spec.given([registered]).when({ type: 'StartJob', data: startA }).then([jobStarted()]);
  });

  it('records field and level as unknown when not given', () => {
    const { field: _field, level: _level, ...data } = startA;
    spec.given([registered]).when({ type: 'StartJob', data }).then([jobStarted({ field: null, level: null })]);
  });

  it('refuses a job for someone never registered', () => {
    spec.given([]).when({ type: 'StartJob', data: startA }).thenThrows(PersonNotFoundError);
  });

  it('refuses a job that starts before the hire date', () => {
    spec.given([registered]).when({ type: 'StartJob', data: { ...startA, startDate: '2019-12-31' } }).thenThrows(JobStartsBeforeHireError, 'JOB_STARTS_BEFORE_HIRE');
  });

  it('refuses a duplicate job id', () => {
    spec.given([registered, jobStarted()]).when({ type: 'StartJob', data: { ...startA, employmentType: 'contract' } }).thenThrows(JobAlreadyExistsError, 'JOB_ALREADY_EXISTS');
  });

  it('refuses a second overlapping full-time job', () => {
    spec.given([registered, jobStarted()]).when(startB({ startDate: '2021-01-01' })).thenThrows(OverlappingFullTimeJobError, 'OVERLAPPING_FULL_TIME_JOB');
  });

  it('refuses a full-time job back-dated before a later full-time one', () => {
    spec.given([registered, jobStarted({ startDate: '2022-01-01' }), jobEnded(jobA, '2023-01-01')]).when(startB({ startDate: '2021-01-01' })).thenThrows(OverlappingFullTimeJobError);
  });

  it('allows a part-time job beside a full-time one', () => {
    spec
      .given([registered, jobStarted()])
      .when(startB({ employmentType: 'part-time', startDate: '2021-01-01' }))
      .then([jobStarted({ jobId: jobB, title: 'Lead', employmentType: 'part-time', startDate: '2021-01-01' })]);
  });

  it('allows a full-time job after the previous one ended', () => {
    spec
      .given([registered, jobStarted(), jobEnded(jobA, '2022-06-30')])
      .when(startB({ startDate: '2022-07-01' }))
      .then([jobStarted({ jobId: jobB, title: 'Lead', startDate: '2022-07-01' })]);
  });

  it('refuses a full-time job starting on the last day of the previous one', () => {
    spec.given([registered, jobStarted(), jobEnded(jobA, '2022-06-30')]).when(startB({ startDate: '2022-06-30' })).thenThrows(OverlappingFullTimeJobError);
  });

  it('refuses a new job for an offboarded person', () => {
    spec.given([registered, offboarded]).when(startB({ startDate: '2024-08-01' })).thenThrows(PersonOffboardedError, 'PERSON_OFFBOARDED');
  });
});

describe('person decider: ending jobs', () => {
  it('ends a job', () => {
    spec.given([registered, jobStarted()]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2022-06-30', reason: 'promoted' } }).then([jobEnded(jobA, '2022-06-30', 'promoted')]);
  });

  it('ends a job on its first day', () => {
    spec.given([registered, jobStarted()]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2020-01-06' } }).then([jobEnded(jobA, '2020-01-06')]);
  });

  it('refuses to end a job before it started', () => {
    spec.given([registered, jobStarted()]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2019-01-01' } }).thenThrows(JobEndsBeforeStartError, 'JOB_ENDS_BEFORE_START');
  });

  it('refuses to end a job before a promotion in it took effect', () => {
    spec
      .given([registered, jobStarted(), promoted(jobA, 2, 3, '2022-01-01')])
      .when({ type: 'EndJob', data: { jobId: jobA, endDate: '2021-12-31' } })
      .thenThrows(JobEndsBeforePromotionError, 'JOB_ENDS_BEFORE_PROMOTION');
  });

  it('refuses to end an unknown job', () => {
    spec.given([registered]).when({ type: 'EndJob', data: { jobId: jobB, endDate: '2022-01-01' } }).thenThrows(JobNotFoundError, 'JOB_NOT_FOUND');
  });

  it('refuses to end a job twice', () => {
    spec.given([registered, jobStarted(), jobEnded(jobA, '2022-06-30')]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2022-07-30' } }).thenThrows(JobAlreadyEndedError, 'JOB_ALREADY_ENDED');
  });

  it('refuses to end a job of an offboarded person', () => {
    spec.given([registered, jobStarted(), offboarded]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2024-06-30' } }).thenThrows(PersonOffboardedError);
  });

  it('keeps the person id of the stream in the event', () => {
    spec.given([registered, jobStarted()]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2021-01-01' } }).then([{ type: 'JobEnded', data: { personId, jobId: jobA, endDate: '2021-01-01' } }]);
  });
});
