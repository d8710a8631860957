import type { JSONSchemaType } from 'ajv';
import { date, nullable, text, uuid } from './schema-parts';

export interface PersonRegisteredV1 {
  personId: string;
  givenName: string;
  familyName: string;
  email: string;
  /** ISO date (YYYY-MM-DD) the person joined the organisation. */
  hireDate: string;
}

/** v2 adds where the person sits in the organisation. Names and email are PII. */
export interface PersonRegisteredV2 extends PersonRegisteredV1 {
  employeeNumber: string | null;
  orgUnit: string | null;
  managerId: string | null;
}

export interface PersonRegistered {
  type: 'PersonRegistered';
  data: PersonRegisteredV2;
}

export const personRegisteredV1Schema: JSONSchemaType<PersonRegisteredV1> = {
  $id: 'trajectory.profiles.PersonRegistered.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'givenName', 'familyName', 'email', 'hireDate'],
  properties: {
    personId: { type: 'string', format: 'uuid' },
    givenName: { type: 'string', minLength: 1, maxLength: 200 },
    familyName: { type: 'string', minLength: 1, maxLength: 200 },
    email: { type: 'string', format: 'email', maxLength: 320 },
    hireDate: { type: 'string', format: 'date' },
  },
};

export const personRegisteredV2Schema = {
  $id: 'trajectory.profiles.PersonRegistered.v2',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'givenName', 'familyName', 'email', 'hireDate', 'employeeNumber', 'orgUnit', 'managerId'],
  properties: {
    personId: uuid,
    givenName: text(),
    familyName: text(),
    email: { type: 'string', format: 'email', maxLength: 320 },
    hireDate: date,
    employeeNumber: nullable(text(64)),
    orgUnit: nullable(text()),
    managerId: nullable(uuid),
  },
} as const;

/** v1 events predate org data: they upcast with it unknown. */
export function upcastPersonRegisteredV1(data: PersonRegisteredV1): PersonRegisteredV2 {
  return { ...data, employeeNumber: null, orgUnit: null, managerId: null };
}
