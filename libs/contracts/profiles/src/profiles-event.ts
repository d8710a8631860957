import { aspirationSetV1Schema, type AspirationSet } from './events/aspiration-set.event';
import { educationAddedV1Schema, type EducationAdded } from './events/education-added.event';
import { jobEndedV1Schema, type JobEnded } from './events/job-ended.event';
import { jobStartedV1Schema, jobStartedV2Schema, upcastJobStartedV1, type JobStarted, type JobStartedV1 } from './events/job-started.event';
import { personErasedV1Schema, type PersonErased } from './events/person-erased.event';
import { personOffboardedV1Schema, type PersonOffboarded } from './events/person-offboarded.event';
import {
  personRegisteredV1Schema,
  personRegisteredV2Schema,
  upcastPersonRegisteredV1,
  type PersonRegistered,
  type PersonRegisteredV1,
} from './events/person-registered.event';
import { personUpdatedV1Schema, type PersonUpdated } from './events/person-updated.event';
import { promotedV1Schema, type Promoted } from './events/promoted.event';

/** Every event the profiles context publishes, at its newest schema version. */
export type ProfilesEvent =
  | PersonRegistered
  | PersonUpdated
  | PersonOffboarded
  | PersonErased
  | JobStarted
  | JobEnded
  | Promoted
  | EducationAdded
  | AspirationSet;
export type ProfilesEventType = ProfilesEvent['type'];

export interface PublishedSchema {
  type: string;
  version: number;
  schema: object;
}

/** Published JSON Schemas. Never edit one once released: add a version instead. */
export const profilesEventSchemas: readonly PublishedSchema[] = [
  { type: 'PersonRegistered', version: 1, schema: personRegisteredV1Schema },
  { type: 'PersonRegistered', version: 2, schema: personRegisteredV2Schema },
  { type: 'PersonUpdated', version: 1, schema: personUpdatedV1Schema },
  { type: 'PersonOffboarded', version: 1, schema: personOffboardedV1Schema },
  { type: 'PersonErased', version: 1, schema: personErasedV1Schema },
  { type: 'JobStarted', version: 1, schema: jobStartedV1Schema },
  { type: 'JobStarted', version: 2, schema: jobStartedV2Schema },
  { type: 'JobEnded', version: 1, schema: jobEndedV1Schema },
  { type: 'Promoted', version: 1, schema: promotedV1Schema },
  { type: 'EducationAdded', version: 1, schema: educationAddedV1Schema },
  { type: 'AspirationSet', version: 1, schema: aspirationSetV1Schema },
];

export interface PublishedUpcaster {
  type: string;
  fromVersion: number;
  upcast: (data: never) => unknown;
}

/** Step n → n+1 for every type with more than one version; readers register all of them. */
export const profilesEventUpcasters: readonly PublishedUpcaster[] = [
  { type: 'PersonRegistered', fromVersion: 1, upcast: (data: PersonRegisteredV1) => upcastPersonRegisteredV1(data) },
  { type: 'JobStarted', fromVersion: 1, upcast: (data: JobStartedV1) => upcastJobStartedV1(data) },
];

/** Fields holding personal data, per event type: encrypted at rest, shredded on erasure. */
export const profilesPiiFields: Readonly<Record<string, readonly string[]>> = {
  PersonRegistered: ['givenName', 'familyName', 'email'],
  PersonUpdated: ['changes.givenName', 'changes.familyName', 'changes.email'],
};
