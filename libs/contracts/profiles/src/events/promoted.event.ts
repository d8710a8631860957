import { date, ladderLevel, text, uuid } from './schema-parts';

/** A promotion within a current job: new title, higher level, from a date. */
export interface PromotedV1 {
  personId: string;
  jobId: string;
  newTitle: string;
  newLevel: number;
  previousLevel: number;
  effectiveDate: string;
}

export interface Promoted {
  type: 'Promoted';
  data: PromotedV1;
}

export const promotedV1Schema = {
  $id: 'trajectory.profiles.Promoted.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'jobId', 'newTitle', 'newLevel', 'previousLevel', 'effectiveDate'],
  properties: { personId: uuid, jobId: uuid, newTitle: text(), newLevel: ladderLevel, previousLevel: ladderLevel, effectiveDate: date },
} as const;
