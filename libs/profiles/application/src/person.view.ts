import type { EducationKind, EmploymentType } from '@trajectory/contracts/profiles';
import { currentLevel, currentTitle, type PersonRecord, type PersonStatus } from '@trajectory/profiles/domain';

export interface PromotionView {
  newTitle: string;
  newLevel: number;
  previousLevel: number;
  effectiveDate: string;
}

export interface JobView {
  jobId: string;
  /** Title and level the job started with; `currentTitle`/`currentLevel` include promotions. */
  title: string;
  level: number | null;
  currentTitle: string;
  currentLevel: number | null;
  employer: string;
  employmentType: EmploymentType;
  field: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  promotions: PromotionView[];
}

export interface EducationView {
  educationId: string;
  kind: EducationKind;
  title: string;
  field: string;
  institution: string;
  completedOn: string;
}

export interface AspirationView {
  targetRole: string;
  field: string;
  targetLevel: number;
  targetDate: string;
}

export interface PersonView {
  personId: string;
  status: PersonStatus;
  /** Null once the person is erased. */
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  employeeNumber: string | null;
  orgUnit: string | null;
  managerId: string | null;
  hireDate: string;
  offboardedOn: string | null;
  jobs: JobView[];
  education: EducationView[];
  aspiration: AspirationView | null;
  /** Stream version: the ETag. */
  version: number;
}

export function toPersonView(person: PersonRecord, version: number): PersonView {
  return {
    personId: person.personId,
    status: person.status,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    employeeNumber: person.employeeNumber,
    orgUnit: person.orgUnit,
    managerId: person.managerId,
    hireDate: person.hireDate,
    offboardedOn: person.offboardedOn,
    jobs: [...person.jobs.values()].map((job) => ({
      jobId: job.jobId,
      title: job.title,
      level: job.level,
      currentTitle: currentTitle(job),
      currentLevel: currentLevel(job),
      employer: job.employer,
      employmentType: job.employmentType,
      field: job.field,
      startDate: job.startDate,
      endDate: job.endDate ?? null,
      endReason: job.endReason ?? null,
      promotions: job.promotions.map((promotion) => ({ ...promotion })),
    })),
    education: [...person.education.values()].map((education) => ({ ...education })),
    aspiration: person.aspiration === null ? null : { ...person.aspiration },
    version,
  };
}
