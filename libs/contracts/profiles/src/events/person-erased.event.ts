import { uuid } from './schema-parts';

/**
 * The person's PII key was destroyed (crypto-shredding): every earlier name and email of
 * theirs is unreadable from now on. Read models drop what PII they copied.
 */
export interface PersonErasedV1 {
  personId: string;
  erasedAt: string;
}

export interface PersonErased {
  type: 'PersonErased';
  data: PersonErasedV1;
}

export const personErasedV1Schema = {
  $id: 'trajectory.profiles.PersonErased.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'erasedAt'],
  properties: { personId: uuid, erasedAt: { type: 'string', format: 'date-time' } },
} as const;
