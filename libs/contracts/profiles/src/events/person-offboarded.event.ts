import { date, nullable, text, uuid } from './schema-parts';

/** The person left the organisation; their history stays, no new jobs start. */
export interface PersonOffboardedV1 {
  personId: string;
  /** Last working day (YYYY-MM-DD). Jobs still open end on this day. */
  offboardedOn: string;
  reason: string | null;
}

export interface PersonOffboarded {
  type: 'PersonOffboarded';
  data: PersonOffboardedV1;
}

export const personOffboardedV1Schema = {
  $id: 'trajectory.profiles.PersonOffboarded.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'offboardedOn', 'reason'],
  properties: { personId: uuid, offboardedOn: date, reason: nullable(text(500)) },
} as const;
