import type { EmploymentType } from '@trajectory/contracts/profiles';

export interface JobState {
  jobId: string;
  employmentType: EmploymentType;
  startDate: string;
  endDate: string | undefined;
}

export type PersonState =
  | { status: 'unregistered' }
  | { status: 'registered'; personId: string; hireDate: string; jobs: ReadonlyMap<string, JobState> };
