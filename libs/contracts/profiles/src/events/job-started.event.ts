import type { JSONSchemaType } from 'ajv';
import { date, ladderLevel, nullable, text, uuid } from './schema-parts';

export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'internship', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export interface JobStartedV1 {
  personId: string;
  jobId: string;
  title: string;
  /** Employer or org unit the job belongs to. */
  employer: string;
  employmentType: EmploymentType;
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
}

/** v2 adds the job's field (e.g. engineering) and its level on the tenant's ladder. */
export interface JobStartedV2 extends JobStartedV1 {
  field: string | null;
  level: number | null;
}

export interface JobStarted {
  type: 'JobStarted';
  data: JobStartedV2;
}

export const jobStartedV1Schema: JSONSchemaType<JobStartedV1> = {
  $id: 'trajectory.profiles.JobStarted.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'jobId', 'title', 'employer', 'employmentType', 'startDate'],
  properties: {
    personId: { type: 'string', format: 'uuid' },
    jobId: { type: 'string', format: 'uuid' },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    employer: { type: 'string', minLength: 1, maxLength: 200 },
    employmentType: { type: 'string', enum: [...EMPLOYMENT_TYPES] },
    startDate: { type: 'string', format: 'date' },
  },
};

export const jobStartedV2Schema = {
  $id: 'trajectory.profiles.JobStarted.v2',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'jobId', 'title', 'employer', 'employmentType', 'startDate', 'field', 'level'],
  properties: {
    personId: uuid,
    jobId: uuid,
    title: text(),
    employer: text(),
    employmentType: { type: 'string', enum: [...EMPLOYMENT_TYPES] },
    startDate: date,
    field: nullable(text(100)),
    level: nullable(ladderLevel),
  },
} as const;

export function upcastJobStartedV1(data: JobStartedV1): JobStartedV2 {
  return { ...data, field: null, level: null };
}
