import { randomUUID } from 'node:crypto';
import type { ConsumedEvent } from '@trajectory/shared/messaging';

/** One profiles event of a person's stream, in the shape it was published at. */
export interface LifeEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

export interface WorkingLife {
  personId: string;
  jobs: { first: string; second: string; partTime: string };
  events: LifeEvent[];
}

/**
 * A whole working life: registration, three jobs (one part-time alongside), promotions,
 * a degree, a move to another org unit and manager, an aspiration, offboarding. The first
 * job is a v1 JobStarted (no field or level), as published before the v2 contract.
 */
export function workingLife(options: { managerId: string; newManagerId: string; givenName?: string; orgUnit?: string }): WorkingLife {
  const personId = randomUUID();
  const jobs = { first: randomUUID(), second: randomUUID(), partTime: randomUUID() };
  const ev = (type: string, data: Record<string, unknown>, schemaVersion = 1): LifeEvent => ({ type, schemaVersion, data: { personId, ...data } });
  const job = (jobId: string, title: string, employmentType: string, startDate: string) => ({ jobId, title, employer: 'Research Lab', employmentType, startDate });
  const events = [
    ev('PersonRegistered', {
      givenName: options.givenName ?? 'Katherine', familyName: 'Johnson', email: 'kj@example.com', hireDate: '2010-01-04',
      employeeNumber: 'E-100', orgUnit: options.orgUnit ?? 'Research', managerId: options.managerId,
    }, 2),
    ev('JobStarted', job(jobs.first, 'Engineer', 'full-time', '2010-01-04')),
    ev('EducationAdded', { educationId: randomUUID(), kind: 'degree', title: 'MSc Mathematics', field: 'mathematics', institution: 'WVU', completedOn: '2012-06-30' }),
    ev('Promoted', { jobId: jobs.first, newTitle: 'Engineer II', newLevel: 2, previousLevel: 1, effectiveDate: '2012-01-01' }),
    ev('Promoted', { jobId: jobs.first, newTitle: 'Senior Engineer', newLevel: 3, previousLevel: 2, effectiveDate: '2014-07-01' }),
    ev('JobEnded', { jobId: jobs.first, endDate: '2015-12-31', reason: 'moved into management' }),
    ev('JobStarted', { ...job(jobs.second, 'Engineering Manager', 'full-time', '2016-01-01'), field: 'management', level: 4 }, 2),
    ev('JobStarted', { ...job(jobs.partTime, 'Lecturer', 'part-time', '2017-01-01'), field: 'engineering', level: 2 }, 2),
    ev('JobEnded', { jobId: jobs.partTime, endDate: '2018-12-31' }),
    ev('PersonUpdated', { changes: { orgUnit: 'Platform', managerId: options.newManagerId, familyName: 'Goble' } }),
    ev('AspirationSet', { targetRole: 'CTO', field: 'Engineering', targetLevel: 8, targetDate: '2030-01-01' }),
    ev('Promoted', { jobId: jobs.second, newTitle: 'Director of Engineering', newLevel: 6, previousLevel: 4, effectiveDate: '2020-01-01' }),
    ev('PersonOffboarded', { offboardedOn: '2024-06-30', reason: 'retired' }),
  ];
  return { personId, jobs, events };
}

/** The event as the career consumer receives it from Kafka (binary CloudEvent, parsed). */
export function consumed(tenantId: string, personId: string, streamVersion: number, event: LifeEvent, time: string): ConsumedEvent {
  return {
    id: randomUUID(),
    type: `trajectory.profiles.${event.type}.v${event.schemaVersion}`,
    source: '/trajectory/profiles',
    subject: `person-${personId}`,
    time,
    tenantId,
    correlationId: undefined,
    causationId: undefined,
    streamVersion,
    data: event.data,
    topic: 'profiles.events',
    partition: 0,
    offset: String(streamVersion),
    key: `person-${personId}`,
  };
}
