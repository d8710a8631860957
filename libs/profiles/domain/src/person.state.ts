import type { EducationKind, EmploymentType } from '@trajectory/contracts/profiles';

export interface PromotionState {
  newTitle: string;
  newLevel: number;
  previousLevel: number;
  effectiveDate: string;
}

export interface JobState {
  jobId: string;
  title: string;
  employer: string;
  employmentType: EmploymentType;
  field: string | null;
  level: number | null;
  startDate: string;
  endDate: string | undefined;
  endReason: string | undefined;
  /** In effective-date order: the decider refuses one dated before the last. */
  promotions: readonly PromotionState[];
}

export interface EducationState {
  educationId: string;
  kind: EducationKind;
  title: string;
  field: string;
  institution: string;
  completedOn: string;
}

export interface AspirationState {
  targetRole: string;
  field: string;
  targetLevel: number;
  targetDate: string;
}

export type PersonStatus = 'active' | 'offboarded' | 'erased';

export interface PersonRecord {
  status: PersonStatus;
  personId: string;
  /** Null once erased: crypto-shredded fields read back as null. */
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  employeeNumber: string | null;
  orgUnit: string | null;
  managerId: string | null;
  hireDate: string;
  offboardedOn: string | null;
  /** Insertion order is the order the jobs were recorded in. */
  jobs: ReadonlyMap<string, JobState>;
  education: ReadonlyMap<string, EducationState>;
  aspiration: AspirationState | null;
}

export type PersonState = { status: 'unregistered' } | PersonRecord;

/** The job's level today: the last promotion's, else the level it started at. */
export function currentLevel(job: JobState): number | null {
  return job.promotions.at(-1)?.newLevel ?? job.level;
}

export function currentTitle(job: JobState): string {
  return job.promotions.at(-1)?.newTitle ?? job.title;
}

/** The latest date the job's history records before any end: its start or last promotion. */
export function lastDatedChange(job: JobState): string {
  return job.promotions.at(-1)?.effectiveDate ?? job.startDate;
}

export function isOpen(job: JobState): boolean {
  return job.endDate === undefined;
}
