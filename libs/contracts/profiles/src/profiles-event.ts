import { jobEndedV1Schema, type JobEnded } from './events/job-ended.event';
import { jobStartedV1Schema, type JobStarted } from './events/job-started.event';
import { personRegisteredV1Schema, type PersonRegistered } from './events/person-registered.event';

/** Every event the profiles context publishes, at its newest schema version. */
export type ProfilesEvent = PersonRegistered | JobStarted | JobEnded;
export type ProfilesEventType = ProfilesEvent['type'];

export interface PublishedSchema {
  type: string;
  version: number;
  schema: object;
}

/** Published JSON Schemas. Never edit one once released: add a version instead. */
export const profilesEventSchemas: readonly PublishedSchema[] = [
  { type: 'PersonRegistered', version: 1, schema: personRegisteredV1Schema },
  { type: 'JobStarted', version: 1, schema: jobStartedV1Schema },
  { type: 'JobEnded', version: 1, schema: jobEndedV1Schema },
];
