import type { EducationKind, EmploymentType } from '@trajectory/contracts/profiles';

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

/** Absent fields stay as they are; null clears an optional one. */
export interface UpdatePerson {
  type: 'UpdatePerson';
  data: {
    givenName?: string;
    familyName?: string;
    email?: string;
    employeeNumber?: string | null;
    orgUnit?: string | null;
    managerId?: string | null;
  };
}

export interface OffboardPerson {
  type: 'OffboardPerson';
  data: { offboardedOn: string; reason?: string | null };
}

/** `erasedAt` is passed in because a decider does not read the clock. */
export interface ErasePerson {
  type: 'ErasePerson';
  data: { erasedAt: string };
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

/** Without a jobId the promotion is in the person's current full-time job. */
export interface Promote {
  type: 'Promote';
  data: { jobId?: string; newTitle: string; newLevel: number; effectiveDate: string };
}

export interface AddEducation {
  type: 'AddEducation';
  data: { educationId: string; kind: EducationKind; title: string; field: string; institution: string; completedOn: string };
}

export interface SetAspiration {
  type: 'SetAspiration';
  data: { targetRole: string; field: string; targetLevel: number; targetDate: string };
}

export type PersonCommand = RegisterPerson | UpdatePerson | OffboardPerson | ErasePerson | StartJob | EndJob | Promote | AddEducation | SetAspiration;
