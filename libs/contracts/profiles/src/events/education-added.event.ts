import { date, text, uuid } from './schema-parts';

export const EDUCATION_KINDS = ['degree', 'professional-course', 'certification'] as const;
export type EducationKind = (typeof EDUCATION_KINDS)[number];

export interface EducationAddedV1 {
  personId: string;
  educationId: string;
  kind: EducationKind;
  title: string;
  field: string;
  institution: string;
  completedOn: string;
}

export interface EducationAdded {
  type: 'EducationAdded';
  data: EducationAddedV1;
}

export const educationAddedV1Schema = {
  $id: 'trajectory.profiles.EducationAdded.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'educationId', 'kind', 'title', 'field', 'institution', 'completedOn'],
  properties: {
    personId: uuid,
    educationId: uuid,
    kind: { type: 'string', enum: [...EDUCATION_KINDS] },
    title: text(),
    field: text(100),
    institution: text(),
    completedOn: date,
  },
} as const;
