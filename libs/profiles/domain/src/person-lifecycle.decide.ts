import type { PersonUpdatedV1, ProfilesEvent } from '@trajectory/contracts/profiles';
import type { ErasePerson, OffboardPerson, RegisterPerson, UpdatePerson } from './person.commands';
import {
  ManagerIsSelfError,
  NothingToUpdateError,
  OffboardingBeforeHireError,
  OffboardingBeforeJobHistoryError,
  PersonAlreadyRegisteredError,
} from './person.errors';
import { requireActive, requireNotErased, requireRecord } from './person.guards';
import { isOpen, lastDatedChange, type PersonRecord, type PersonState } from './person.state';

/** Reason recorded on the jobs that offboarding closes, so readers can tell them apart. */
export const OFFBOARDING_JOB_END_REASON = 'offboarded';

type Changes = PersonUpdatedV1['changes'];
const UPDATABLE = ['givenName', 'familyName', 'email', 'employeeNumber', 'orgUnit', 'managerId'] as const;

function assertNotOwnManager(personId: string, managerId: string | null | undefined): void {
  if (managerId === personId) throw new ManagerIsSelfError('A person cannot be their own manager.', { personId });
}

export function decideRegisterPerson(command: RegisterPerson, state: PersonState): ProfilesEvent[] {
  if (state.status !== 'unregistered') throw new PersonAlreadyRegisteredError('The person is already registered.');
  const { employeeNumber, orgUnit, managerId, ...person } = command.data;
  assertNotOwnManager(person.personId, managerId);
  const data = { ...person, employeeNumber: employeeNumber ?? null, orgUnit: orgUnit ?? null, managerId: managerId ?? null };
  return [{ type: 'PersonRegistered', data }];
}

/**
 * Records only the fields that differ, so a retried PATCH adds no event. An empty request
 * is refused: it is almost always a client bug, not an intent.
 */
export function decideUpdatePerson(command: UpdatePerson, state: PersonState): ProfilesEvent[] {
  const person = requireNotErased(state);
  const requested = UPDATABLE.filter((field) => command.data[field] !== undefined);
  if (requested.length === 0) throw new NothingToUpdateError('The update names no field to change.');
  assertNotOwnManager(person.personId, command.data.managerId);
  const changes: Changes = {};
  for (const field of requested) {
    if (command.data[field] !== person[field]) Object.assign(changes, { [field]: command.data[field] });
  }
  return Object.keys(changes).length === 0 ? [] : [{ type: 'PersonUpdated', data: { personId: person.personId, changes } }];
}

/** The first job whose recorded history runs past the day, if any. */
function historyAfter(person: PersonRecord, day: string): { jobId: string; date: string } | undefined {
  for (const job of person.jobs.values()) {
    const date = job.endDate ?? lastDatedChange(job);
    if (date > day) return { jobId: job.jobId, date };
  }
  return undefined;
}

/**
 * Offboarding closes every open job on the last working day (a JobEnded each, before
 * PersonOffboarded), so readers never see a job still running for someone who has left.
 */
export function decideOffboardPerson(command: OffboardPerson, state: PersonState): ProfilesEvent[] {
  const person = requireActive(state);
  const { offboardedOn } = command.data;
  if (offboardedOn < person.hireDate) {
    throw new OffboardingBeforeHireError('A person cannot leave before they were hired.', { offboardedOn, hireDate: person.hireDate });
  }
  const later = historyAfter(person, offboardedOn);
  if (later !== undefined) {
    throw new OffboardingBeforeJobHistoryError('The last working day is before dates already recorded for a job.', { offboardedOn, ...later });
  }
  const { personId } = person;
  const endings: ProfilesEvent[] = [...person.jobs.values()]
    .filter(isOpen)
    .map((job) => ({ type: 'JobEnded', data: { personId, jobId: job.jobId, endDate: offboardedOn, reason: OFFBOARDING_JOB_END_REASON } }));
  return [...endings, { type: 'PersonOffboarded', data: { personId, offboardedOn, reason: command.data.reason ?? null } }];
}

/** Erasing twice records nothing new, so a retried DELETE is safe. */
export function decideErasePerson(command: ErasePerson, state: PersonState): ProfilesEvent[] {
  const person = requireRecord(state);
  if (person.status === 'erased') return [];
  return [{ type: 'PersonErased', data: { personId: person.personId, erasedAt: command.data.erasedAt } }];
}
