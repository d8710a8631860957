import { nullable, text, uuid } from './schema-parts';

/** Only the fields that changed are present. Names and email are PII. */
export interface PersonUpdatedV1 {
  personId: string;
  changes: {
    givenName?: string;
    familyName?: string;
    email?: string;
    employeeNumber?: string | null;
    orgUnit?: string | null;
    managerId?: string | null;
  };
}

export interface PersonUpdated {
  type: 'PersonUpdated';
  data: PersonUpdatedV1;
}

export const personUpdatedV1Schema = {
  $id: 'trajectory.profiles.PersonUpdated.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'changes'],
  properties: {
    personId: uuid,
    changes: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        givenName: text(),
        familyName: text(),
        email: { type: 'string', format: 'email', maxLength: 320 },
        employeeNumber: nullable(text(64)),
        orgUnit: nullable(text()),
        managerId: nullable(uuid),
      },
    },
  },
} as const;
