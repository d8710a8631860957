import type { PersonRegisteredV2, ProfilesEvent } from '@trajectory/contracts/profiles';
import { assertNever, type Decider } from '@trajectory/shared/decider';
import type { EndJob, PersonCommand, RegisterPerson, StartJob } from './person.commands';
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
import type { JobState, PersonState } from './person.state';

type Registered = Extract<PersonState, { status: 'registered' }>;

function requireRegistered(state: PersonState): Registered {
  if (state.status !== 'registered') throw new PersonNotFoundError('No such person.');
  return state;
}

/** Dates are ISO `YYYY-MM-DD`, so string order is calendar order. */
function overlaps(job: JobState, startDate: string): boolean {
  return job.endDate === undefined || job.endDate >= startDate;
}

function decideStartJob(command: StartJob, state: PersonState): ProfilesEvent[] {
  const person = requireRegistered(state);
  const { jobId, startDate, employmentType } = command.data;
  if (person.jobs.has(jobId)) throw new JobAlreadyExistsError('A job with this id already exists.', { jobId });
  if (startDate < person.hireDate) {
    throw new JobStartsBeforeHireError('A job cannot start before the hire date.', { startDate, hireDate: person.hireDate });
  }
  if (employmentType === 'full-time') {
    const clash = [...person.jobs.values()].find((job) => job.employmentType === 'full-time' && overlaps(job, startDate));
    if (clash !== undefined) {
      throw new OverlappingFullTimeJobError('A second full-time job may not overlap a current one.', { conflictingJobId: clash.jobId });
    }
  }
  const { field, level, ...rest } = command.data;
  return [{ type: 'JobStarted', data: { personId: person.personId, ...rest, field: field ?? null, level: level ?? null } }];
}

function decideEndJob(command: EndJob, state: PersonState): ProfilesEvent[] {
  const person = requireRegistered(state);
  const { jobId, endDate, reason } = command.data;
  const job = person.jobs.get(jobId);
  if (job === undefined) throw new JobNotFoundError('No such job.', { jobId });
  if (job.endDate !== undefined) throw new JobAlreadyEndedError('The job has already ended.', { jobId, endDate: job.endDate });
  if (endDate < job.startDate) {
    throw new JobEndsBeforeStartError('A job cannot end before it starts.', { startDate: job.startDate, endDate });
  }
  const data = reason === undefined ? { personId: person.personId, jobId, endDate } : { personId: person.personId, jobId, endDate, reason };
  return [{ type: 'JobEnded', data }];
}

function registration(data: RegisterPerson['data']): PersonRegisteredV2 {
  const { employeeNumber, orgUnit, managerId, ...rest } = data;
  return { ...rest, employeeNumber: employeeNumber ?? null, orgUnit: orgUnit ?? null, managerId: managerId ?? null };
}

export const personDecider: Decider<PersonState, PersonCommand, ProfilesEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterPerson':
        if (state.status !== 'unregistered') throw new PersonAlreadyRegisteredError('The person is already registered.');
        return [{ type: 'PersonRegistered', data: registration(command.data) }];
      case 'StartJob':
        return decideStartJob(command, state);
      case 'EndJob':
        return decideEndJob(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered':
        return { status: 'registered', personId: event.data.personId, hireDate: event.data.hireDate, jobs: new Map() };
      case 'JobStarted': {
        const person = requireRegistered(state);
        const { jobId, employmentType, startDate } = event.data;
        const jobs = new Map(person.jobs).set(jobId, { jobId, employmentType, startDate, endDate: undefined });
        return { ...person, jobs };
      }
      case 'JobEnded': {
        const person = requireRegistered(state);
        const job = person.jobs.get(event.data.jobId);
        if (job === undefined) return person;
        const jobs = new Map(person.jobs).set(job.jobId, { ...job, endDate: event.data.endDate });
        return { ...person, jobs };
      }
      default:
        return state;
    }
  },
};
