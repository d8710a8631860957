import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import { fold } from '@trajectory/shared/decider';
import { personDecider } from './person.decider';
import { currentLevel, currentTitle, type PersonState } from './person.state';
import { erased, jobA, jobEnded, jobStarted, offboarded, personId, promoted, registered } from './person.test-fixtures';

const stateOf = (events: ProfilesEvent[]): PersonState => fold(personDecider, events);

describe('person state', () => {
  it('follows a working life', () => {
    const state = stateOf([registered, jobStarted(), promoted(jobA, 2, 3, '2022-01-01', 'Lead'), jobEnded(jobA, '2023-12-31', 'moved'), offboarded]);
    expect(state).toMatchObject({ status: 'offboarded', offboardedOn: '2024-06-30', givenName: 'Ada' });
    const job = state.status === 'unregistered' ? undefined : state.jobs.get(jobA);
    expect(job).toMatchObject({ title: 'Engineer', level: 2, endDate: '2023-12-31', endReason: 'moved' });
    expect(job && [currentTitle(job), currentLevel(job)]).toEqual(['Lead', 3]);
  });

  it('forgets names and email on erasure but keeps the history', () => {
    const state = stateOf([registered, jobStarted(), erased]);
    expect(state).toMatchObject({ status: 'erased', givenName: null, familyName: null, email: null, hireDate: '2020-01-06' });
    expect(state.status === 'unregistered' ? 0 : state.jobs.size).toBe(1);
  });

  it('reads a registration whose personal fields were shredded', () => {
    const shredded = { type: 'PersonRegistered', data: { personId, givenName: null, familyName: null, email: null, hireDate: '2020-01-06' } } as unknown as ProfilesEvent;
    expect(stateOf([shredded, erased])).toMatchObject({ status: 'erased', employeeNumber: null, orgUnit: null, managerId: null });
  });

  it('ignores events that precede the registration', () => {
    expect(stateOf([jobStarted()])).toEqual({ status: 'unregistered' });
  });
});
