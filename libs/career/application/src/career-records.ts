/**
 * What the read model holds about one person, as plain rows. Every column that an event
 * fills is nullable: rows are created by whichever event of a person arrives first.
 */
export interface CareerPersonRow {
  personId: string;
  givenName: string | null;
  familyName: string | null;
  hireDate: string | null;
  employeeNumber?: string | null;
  orgUnit?: string | null;
  managerId?: string | null;
  /** Last working day, once offboarded. */
  offboardedOn?: string | null;
  /** UTC day the erasure was recorded; PII columns are null from then on. */
  erasedOn?: string | null;
  /** Newest version of the person's stream the read model has applied (0 before any). */
  projectedVersion?: number;
}

export interface CareerJobRow {
  jobId: string;
  title: string | null;
  employer: string | null;
  employmentType: string | null;
  startDate: string | null;
  endDate: string | null;
  field?: string | null;
  level?: number | null;
}

export interface CareerPromotionRow {
  jobId: string;
  streamVersion: number;
  newTitle: string;
  newLevel: number;
  previousLevel: number;
  effectiveDate: string;
}

export interface CareerEducationRow {
  educationId: string;
  kind: string;
  title: string;
  field: string;
  institution: string;
  completedOn: string;
}

export interface CareerAspirationRow {
  streamVersion: number;
  targetRole: string;
  field: string;
  targetLevel: number;
  targetDate: string;
  /** UTC day the aspiration was recorded: it has no effective date of its own. */
  setOn: string;
}

export const PERSON_PII_FIELDS = ['givenName', 'familyName', 'email'] as const;
export const PERSON_ATTRIBUTE_FIELDS = [...PERSON_PII_FIELDS, 'employeeNumber', 'orgUnit', 'managerId'] as const;
export type PersonAttributeField = (typeof PERSON_ATTRIBUTE_FIELDS)[number];
export type PersonAttributes = Partial<Record<PersonAttributeField, string | null>>;

/**
 * One registration or update of a person's attributes, kept so that updates applied in
 * any order fold to the same result and org attributes can be read as of a past day.
 * Names and email are scrubbed from these rows when the person is erased.
 */
export interface CareerPersonChangeRow {
  streamVersion: number;
  /** 'registered' is the baseline; 'updated' carries only the fields that changed. */
  kind: 'registered' | 'updated';
  changes: PersonAttributes;
  /** UTC day the change was recorded: updates have no effective date of their own. */
  recordedOn: string;
}

/** Everything the timeline of one person is computed from. */
export interface CareerRecord {
  person: CareerPersonRow;
  jobs: CareerJobRow[];
  promotions?: CareerPromotionRow[];
  education?: CareerEducationRow[];
  aspirations?: CareerAspirationRow[];
  changes?: CareerPersonChangeRow[];
}
