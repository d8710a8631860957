import type { JobStartedV2, ProfilesEvent } from '@trajectory/contracts/profiles';
import { deciderSpec } from '@trajectory/shared/testing';
import { personDecider } from './person.decider';

/** Shared given-events for the person decider's specs. */
export const personId = '4f7a1b7e-8c5d-4c1e-9a53-1d2c3b4a5f60';
export const managerId = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
export const jobA = '0b6f3c1a-1d2e-4f50-8a7b-9c0d1e2f3a4b';
export const jobB = '9e8d7c6b-5a49-4382-b716-a5f4e3d2c1b0';
export const jobC = '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d';

export const spec = deciderSpec(personDecider);

export const registration = { personId, givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.com', hireDate: '2020-01-06' };
export const registered: ProfilesEvent = {
  type: 'PersonRegistered',
  data: { ...registration, employeeNumber: null, orgUnit: null, managerId: null },
};

export function jobStarted(overrides: Partial<JobStartedV2> = {}): ProfilesEvent {
  return {
    type: 'JobStarted',
    data: { personId, jobId: jobA, title: 'Engineer', employer: 'R&D', employmentType: 'full-time', startDate: '2020-01-06', field: 'engineering', level: 2, ...overrides },
  };
}

export function jobEnded(jobId: string, endDate: string, reason?: string): ProfilesEvent {
  return { type: 'JobEnded', data: reason === undefined ? { personId, jobId, endDate } : { personId, jobId, endDate, reason } };
}

export function promoted(jobId: string, previousLevel: number, newLevel: number, effectiveDate: string, newTitle = 'Senior Engineer'): ProfilesEvent {
  return { type: 'Promoted', data: { personId, jobId, newTitle, newLevel, previousLevel, effectiveDate } };
}

export const offboarded: ProfilesEvent = { type: 'PersonOffboarded', data: { personId, offboardedOn: '2024-06-30', reason: null } };
export const erased: ProfilesEvent = { type: 'PersonErased', data: { personId, erasedAt: '2024-07-01T09:00:00.000Z' } };
