import type { ProfilesEvent } from '@trajectory/contracts/profiles';
import { assertNever } from '@trajectory/shared/decider';
import type { JobState, PersonRecord, PersonState } from './person.state';

function withJob(person: PersonRecord, jobId: string, change: (job: JobState) => JobState): PersonRecord {
  const job = person.jobs.get(jobId);
  return job === undefined ? person : { ...person, jobs: new Map(person.jobs).set(jobId, change(job)) };
}

/** Applies an event to a registered person; the caller has ruled out the unregistered state. */
function evolveRecord(person: PersonRecord, event: ProfilesEvent): PersonRecord {
  switch (event.type) {
    case 'PersonRegistered':
      return person;
    case 'PersonUpdated':
      return { ...person, ...event.data.changes };
    case 'PersonOffboarded':
      return { ...person, status: 'offboarded', offboardedOn: event.data.offboardedOn };
    case 'PersonErased':
      return { ...person, status: 'erased', givenName: null, familyName: null, email: null };
    case 'JobStarted': {
      const { personId: _personId, ...job } = event.data;
      return { ...person, jobs: new Map(person.jobs).set(job.jobId, { ...job, endDate: undefined, endReason: undefined, promotions: [] }) };
    }
    case 'JobEnded':
      return withJob(person, event.data.jobId, (job) => ({ ...job, endDate: event.data.endDate, endReason: event.data.reason ?? undefined }));
    case 'Promoted': {
      const { newTitle, newLevel, previousLevel, effectiveDate } = event.data;
      return withJob(person, event.data.jobId, (job) => ({ ...job, promotions: [...job.promotions, { newTitle, newLevel, previousLevel, effectiveDate }] }));
    }
    case 'EducationAdded': {
      const { personId: _personId, ...education } = event.data;
      return { ...person, education: new Map(person.education).set(education.educationId, education) };
    }
    case 'AspirationSet': {
      const { personId: _personId, ...aspiration } = event.data;
      return { ...person, aspiration };
    }
    default:
      return assertNever(event);
  }
}

export function evolvePerson(state: PersonState, event: ProfilesEvent): PersonState {
  if (event.type === 'PersonRegistered') {
    const { employeeNumber, orgUnit, managerId, ...data } = event.data;
    return {
      status: 'active',
      ...data,
      employeeNumber: employeeNumber ?? null,
      orgUnit: orgUnit ?? null,
      managerId: managerId ?? null,
      offboardedOn: null,
      jobs: new Map(),
      education: new Map(),
      aspiration: null,
    };
  }
  // An event before registration would be corrupt history; ignoring it keeps the stream readable.
  return state.status === 'unregistered' ? state : evolveRecord(state, event);
}
