import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import { deciderSpec } from '@trajectory/shared/testing';
import { personDecider } from './person.decider';
import {
  JobAlreadyEndedError,
  JobAlreadyExistsError,
  JobEndsBeforeStartError,
  JobNotFoundError,
  JobStartsBeforeHireError,
  OverlappingFullTimeJobError,
  PersonAlreadyRegisteredError,
  PersonNotFoundError,
} from './person.errors';

const personId = '4f7a1b7e-8c5d-4c1e-9a53-1d2c3b4a5f60';
const jobA = '0b6f3c1a-1d2e-4f50-8a7b-9c0d1e2f3a4b';
const jobB = '9e8d7c6b-5a49-4382-b716-a5f4e3d2c1b0';

const person = { personId, givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.com', hireDate: '2020-01-06' };
const jobAData = { jobId: jobA, title: 'Engineer', employer: 'R&D', employmentType: 'full-time' as const, startDate: '2020-01-06' };
const registered: ProfilesEvent = { type: 'PersonRegistered', data: { ...person, employeeNumber: null, orgUnit: null, managerId: null } };
const startedA: ProfilesEvent = { type: 'JobStarted', data: { personId, ...jobAData, field: null, level: null } };
const endedA: ProfilesEvent = { type: 'JobEnded', data: { personId, jobId: jobA, endDate: '2022-06-30', reason: 'promoted' } };

const spec = deciderSpec(personDecider);

describe('person decider', () => {
  it('registers a new person', () => {
    spec.given([]).when({ type: 'RegisterPerson', data: person }).then([registered]);
  });

  it('refuses to register the same person twice', () => {
    spec.given([registered]).when({ type: 'RegisterPerson', data: person }).thenThrows(PersonAlreadyRegisteredError, 'PERSON_ALREADY_REGISTERED');
  });

  it('starts a job for a registered person', () => {
    spec.given([registered]).when({ type: 'StartJob', data: jobAData }).then([startedA]);
  });

  it('refuses a job for someone never registered', () => {
    spec
      .given([])
      .when({ type: 'StartJob', data: { jobId: jobA, title: 'x', employer: 'y', employmentType: 'contract', startDate: '2020-01-06' } })
      .thenThrows(PersonNotFoundError);
  });

  it('refuses a job that starts before the hire date', () => {
    spec
      .given([registered])
      .when({ type: 'StartJob', data: { jobId: jobA, title: 'x', employer: 'y', employmentType: 'contract', startDate: '2019-12-31' } })
      .thenThrows(JobStartsBeforeHireError, 'JOB_STARTS_BEFORE_HIRE');
  });

  it('refuses a duplicate job id', () => {
    spec
      .given([registered, startedA])
      .when({ type: 'StartJob', data: { jobId: jobA, title: 'x', employer: 'y', employmentType: 'contract', startDate: '2021-01-01' } })
      .thenThrows(JobAlreadyExistsError);
  });

  it('refuses a second overlapping full-time job', () => {
    spec
      .given([registered, startedA])
      .when({ type: 'StartJob', data: { jobId: jobB, title: 'Lead', employer: 'R&D', employmentType: 'full-time', startDate: '2021-01-01' } })
      .thenThrows(OverlappingFullTimeJobError, 'OVERLAPPING_FULL_TIME_JOB');
  });

  it('allows a part-time job beside a full-time one', () => {
    const data = { jobId: jobB, title: 'Tutor', employer: 'Academy', employmentType: 'part-time' as const, startDate: '2021-01-01' };
    spec.given([registered, startedA]).when({ type: 'StartJob', data }).then([{ type: 'JobStarted', data: { personId, ...data, field: null, level: null } }]);
  });

  it('allows a full-time job after the previous one ended', () => {
    const data = { jobId: jobB, title: 'Lead', employer: 'R&D', employmentType: 'full-time' as const, startDate: '2022-07-01' };
    spec.given([registered, startedA, endedA]).when({ type: 'StartJob', data }).then([{ type: 'JobStarted', data: { personId, ...data, field: null, level: null } }]);
  });

  it('refuses a full-time job starting on the last day of the previous one', () => {
    const data = { jobId: jobB, title: 'Lead', employer: 'R&D', employmentType: 'full-time' as const, startDate: '2022-06-30' };
    spec.given([registered, startedA, endedA]).when({ type: 'StartJob', data }).thenThrows(OverlappingFullTimeJobError);
  });

  it('ends a job', () => {
    spec.given([registered, startedA]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2022-06-30', reason: 'promoted' } }).then([endedA]);
  });

  it('refuses to end a job before it started', () => {
    spec.given([registered, startedA]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2019-01-01' } }).thenThrows(JobEndsBeforeStartError, 'JOB_ENDS_BEFORE_START');
  });

  it('refuses to end an unknown job', () => {
    spec.given([registered]).when({ type: 'EndJob', data: { jobId: jobB, endDate: '2022-01-01' } }).thenThrows(JobNotFoundError);
  });

  it('refuses to end a job twice', () => {
    spec.given([registered, startedA, endedA]).when({ type: 'EndJob', data: { jobId: jobA, endDate: '2022-07-30' } }).thenThrows(JobAlreadyEndedError);
  });
});
