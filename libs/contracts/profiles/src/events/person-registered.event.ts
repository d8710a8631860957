import type { JSONSchemaType } from 'ajv';

export interface PersonRegisteredV1 {
  personId: string;
  givenName: string;
  familyName: string;
  email: string;
  /** ISO date (YYYY-MM-DD) the person joined the organisation. */
  hireDate: string;
}

export interface PersonRegistered {
  type: 'PersonRegistered';
  data: PersonRegisteredV1;
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
