import type { JSONSchemaType } from 'ajv';

export interface JobEndedV1 {
  personId: string;
  jobId: string;
  /** ISO date (YYYY-MM-DD), the last day in the job. */
  endDate: string;
  reason?: string;
}

export interface JobEnded {
  type: 'JobEnded';
  data: JobEndedV1;
}

export const jobEndedV1Schema: JSONSchemaType<JobEndedV1> = {
  $id: 'trajectory.profiles.JobEnded.v1',
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'jobId', 'endDate'],
  properties: {
    personId: { type: 'string', format: 'uuid' },
    jobId: { type: 'string', format: 'uuid' },
    endDate: { type: 'string', format: 'date' },
    reason: { type: 'string', maxLength: 500, nullable: true },
  },
};
