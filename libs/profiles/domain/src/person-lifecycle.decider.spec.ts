import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import {
  ManagerIsSelfError,
  NothingToUpdateError,
  OffboardingBeforeHireError,
  OffboardingBeforeJobHistoryError,
  PersonAlreadyRegisteredError,
  PersonErasedError,
  PersonNotFoundError,
  PersonOffboardedError,
} from './person.errors';
import { erased, jobA, jobB, jobEnded, jobStarted, managerId, offboarded, personId, promoted, registered, registration, spec } from './person.test-fixtures';

describe('person decider: registration and updates', () => {
  it('registers a person, org data unknown when not given', () => {
    spec.given([]).when({ type: 'RegisterPerson', data: registration }).then([registered]);
  });

  it('registers a person with employee number, org unit and manager', () => {
    const data = { ...registration, employeeNumber: 'E-1', orgUnit: 'Research', managerId };
    spec.given([]).when({ type: 'RegisterPerson', data }).then([{ type: 'PersonRegistered', data }]);
  });

  it('refuses to register the same person twice', () => {
    spec.given([registered]).when({ type: 'RegisterPerson', data: registration }).thenThrows(PersonAlreadyRegisteredError, 'PERSON_ALREADY_REGISTERED');
  });

  it('refuses a person as their own manager', () => {
    spec.given([]).when({ type: 'RegisterPerson', data: { ...registration, managerId: personId } }).thenThrows(ManagerIsSelfError, 'MANAGER_IS_SELF');
  });

  it('records only the fields that change', () => {
    spec
      .given([registered])
      .when({ type: 'UpdatePerson', data: { givenName: 'Ada', familyName: 'King', orgUnit: 'Analytics' } })
      .then([{ type: 'PersonUpdated', data: { personId, changes: { familyName: 'King', orgUnit: 'Analytics' } } }]);
  });

  it('clears an optional field with null', () => {
    const withManager: ProfilesEvent = { type: 'PersonUpdated', data: { personId, changes: { managerId } } };
    spec
      .given([registered, withManager])
      .when({ type: 'UpdatePerson', data: { managerId: null } })
      .then([{ type: 'PersonUpdated', data: { personId, changes: { managerId: null } } }]);
  });

  it('records nothing when every value is already current (a retried PATCH)', () => {
    spec.given([registered]).when({ type: 'UpdatePerson', data: { email: 'ada@example.com' } }).then([]);
  });

  it('applies earlier updates before comparing', () => {
    const renamed: ProfilesEvent = { type: 'PersonUpdated', data: { personId, changes: { familyName: 'King' } } };
    spec.given([registered, renamed]).when({ type: 'UpdatePerson', data: { familyName: 'King' } }).then([]);
  });

  it('refuses an update naming no field', () => {
    spec.given([registered]).when({ type: 'UpdatePerson', data: {} }).thenThrows(NothingToUpdateError, 'NOTHING_TO_UPDATE');
  });

  it('refuses making a person their own manager', () => {
    spec.given([registered]).when({ type: 'UpdatePerson', data: { managerId: personId } }).thenThrows(ManagerIsSelfError, 'MANAGER_IS_SELF');
  });

  it('refuses updating someone never registered', () => {
    spec.given([]).when({ type: 'UpdatePerson', data: { givenName: 'X' } }).thenThrows(PersonNotFoundError, 'PERSON_NOT_FOUND');
  });

  it('still corrects the data of an offboarded person', () => {
    spec
      .given([registered, offboarded])
      .when({ type: 'UpdatePerson', data: { email: 'ada@home.example' } })
      .then([{ type: 'PersonUpdated', data: { personId, changes: { email: 'ada@home.example' } } }]);
  });

  it('refuses updating an erased person', () => {
    spec.given([registered, erased]).when({ type: 'UpdatePerson', data: { givenName: 'Ada' } }).thenThrows(PersonErasedError, 'PERSON_ERASED');
  });
});

describe('person decider: offboarding', () => {
  const offboard = (offboardedOn: string, reason?: string) => ({ type: 'OffboardPerson' as const, data: reason === undefined ? { offboardedOn } : { offboardedOn, reason } });

  it('offboards a person without jobs', () => {
    spec.given([registered]).when(offboard('2024-06-30')).then([offboarded]);
  });

  it('ends every open job on the last working day, then offboards', () => {
    const partTime = jobStarted({ jobId: jobB, employmentType: 'part-time', startDate: '2021-01-01' });
    spec
      .given([registered, jobStarted(), partTime])
      .when(offboard('2024-06-30', 'resigned'))
      .then([
        jobEnded(jobA, '2024-06-30', 'offboarded'),
        jobEnded(jobB, '2024-06-30', 'offboarded'),
        { type: 'PersonOffboarded', data: { personId, offboardedOn: '2024-06-30', reason: 'resigned' } },
      ]);
  });

  it('leaves jobs that already ended alone', () => {
    spec.given([registered, jobStarted(), jobEnded(jobA, '2023-12-31')]).when(offboard('2024-06-30')).then([offboarded]);
  });

  it('refuses offboarding twice', () => {
    spec.given([registered, offboarded]).when(offboard('2024-07-31')).thenThrows(PersonOffboardedError, 'PERSON_OFFBOARDED');
  });

  it('refuses a last working day before the hire date', () => {
    spec.given([registered]).when(offboard('2019-12-31')).thenThrows(OffboardingBeforeHireError, 'OFFBOARDING_BEFORE_HIRE');
  });

  it('refuses a last working day before an open job started', () => {
    spec.given([registered, jobStarted({ startDate: '2024-01-01' })]).when(offboard('2023-12-31')).thenThrows(OffboardingBeforeJobHistoryError, 'OFFBOARDING_BEFORE_JOB_HISTORY');
  });

  it('refuses a last working day before a job ended', () => {
    spec.given([registered, jobStarted(), jobEnded(jobA, '2024-03-31')]).when(offboard('2024-02-29')).thenThrows(OffboardingBeforeJobHistoryError);
  });

  it('refuses a last working day before a promotion took effect', () => {
    spec.given([registered, jobStarted(), promoted(jobA, 2, 3, '2024-04-01')]).when(offboard('2024-03-31')).thenThrows(OffboardingBeforeJobHistoryError);
  });

  it('allows leaving on the day a job started', () => {
    spec
      .given([registered, jobStarted({ startDate: '2024-06-30' })])
      .when(offboard('2024-06-30'))
      .then([jobEnded(jobA, '2024-06-30', 'offboarded'), offboarded]);
  });

  it('refuses offboarding an erased person', () => {
    spec.given([registered, erased]).when(offboard('2024-06-30')).thenThrows(PersonErasedError, 'PERSON_ERASED');
  });

  it('refuses offboarding someone never registered', () => {
    spec.given([]).when(offboard('2024-06-30')).thenThrows(PersonNotFoundError);
  });
});

describe('person decider: erasure', () => {
  const erase = { type: 'ErasePerson' as const, data: { erasedAt: '2024-07-01T09:00:00.000Z' } };

  it('erases a person', () => {
    spec.given([registered, jobStarted()]).when(erase).then([erased]);
  });

  it('erases an offboarded person', () => {
    spec.given([registered, offboarded]).when(erase).then([erased]);
  });

  it('records nothing when the person is already erased, so a retry is safe', () => {
    spec.given([registered, erased]).when(erase).then([]);
  });

  it('refuses erasing someone never registered', () => {
    spec.given([]).when(erase).thenThrows(PersonNotFoundError, 'PERSON_NOT_FOUND');
  });

  it('takes no new facts about an erased person', () => {
    spec
      .given([registered, erased])
      .when({ type: 'StartJob', data: { jobId: jobB, title: 'x', employer: 'y', employmentType: 'contract', startDate: '2024-08-01' } })
      .thenThrows(PersonErasedError, 'PERSON_ERASED');
  });
});
