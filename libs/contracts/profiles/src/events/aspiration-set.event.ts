import { date, ladderLevel, text, uuid } from './schema-parts';

/** Where the person wants their career to go; a later one replaces it. */
export interface AspirationSetV1 {
  personId: string;
  targetRole: string;
  field: string;
  targetLevel: number;
  targetDate: string;
}

export interface AspirationSet {
  type: 'AspirationSet';
  data: AspirationSetV1;
}

export const aspirationSetV1Schema = {
  $id: 'trajectory.profiles.AspirationSet.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'targetRole', 'field', 'targetLevel', 'targetDate'],
  properties: { personId: uuid, targetRole: text(), field: text(100), targetLevel: ladderLevel, targetDate: date },
} as const;
