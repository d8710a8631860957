import type { JSONSchemaType } from 'ajv';

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

export interface JobStarted {
  type: 'JobStarted';
  data: JobStartedV1;
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
