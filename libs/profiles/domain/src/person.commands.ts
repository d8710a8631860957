import type { EmploymentType } from '@trajectory/contracts/profiles';

export interface RegisterPerson {
  type: 'RegisterPerson';
  data: {
    personId: string;
    givenName: string;
    familyName: string;
    email: string;
    hireDate: string;
    employeeNumber?: string | null;
    orgUnit?: string | null;
    managerId?: string | null;
  };
}

export interface StartJob {
  type: 'StartJob';
  data: {
    jobId: string;
    title: string;
    employer: string;
    employmentType: EmploymentType;
    startDate: string;
    field?: string | null;
    level?: number | null;
  };
}

export interface EndJob {
  type: 'EndJob';
  data: { jobId: string; endDate: string; reason?: string };
}

export type PersonCommand = RegisterPerson | StartJob | EndJob;
