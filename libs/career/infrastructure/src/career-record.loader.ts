import type {
  CareerAspirationRow,
  CareerEducationRow,
  CareerJobRow,
  CareerPersonChangeRow,
  CareerPersonRow,
  CareerPromotionRow,
  CareerRecord,
} from '@trajectory/career/application';
import type { CareerTable } from './career-tables';

/** Dates leave PostgreSQL as `YYYY-MM-DD` text (timestamps as their UTC day): no time zone can shift a calendar day. */
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const utcDay = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

export const PERSON_COLUMNS = `person_id AS "personId", given_name AS "givenName", family_name AS "familyName",
  ${day('hire_date')} AS "hireDate", employee_number AS "employeeNumber", org_unit AS "orgUnit", manager_id AS "managerId",
  ${day('offboarded_on')} AS "offboardedOn", ${utcDay('erased_at')} AS "erasedOn", projected_version AS "projectedVersion"`;

/** One JSON array of a table's rows of the person `p` (the enclosing query's alias). */
function rowsOf(table: string, fields: Record<string, string>): string {
  const object = Object.entries(fields)
    .map(([key, expression]) => `'${key}', ${expression}`)
    .join(', ');
  return `coalesce((SELECT json_agg(json_build_object(${object})) FROM ${table} x
    WHERE x.tenant_id = p.tenant_id AND x.person_id = p.person_id), '[]'::json)`;
}

/**
 * The columns that complete a person's row into their whole career record, each table's
 * rows as a JSON array: one statement and one round trip per read, however many tables
 * the timeline draws on. `p` must be the alias of a career_people row.
 */
export function careerDetailColumns(t: Record<CareerTable, string>): string {
  return [
    `${rowsOf(t.career_jobs, {
      jobId: 'x.job_id',
      title: 'x.title',
      employer: 'x.employer',
      employmentType: 'x.employment_type',
      startDate: day('x.start_date'),
      endDate: day('x.end_date'),
      field: 'x.field',
      level: 'x.level',
    })} AS jobs`,
    `${rowsOf(t.career_promotions, {
      jobId: 'x.job_id',
      streamVersion: 'x.stream_version',
      newTitle: 'x.new_title',
      newLevel: 'x.new_level',
      previousLevel: 'x.previous_level',
      effectiveDate: day('x.effective_date'),
    })} AS promotions`,
    `${rowsOf(t.career_education, {
      educationId: 'x.education_id',
      kind: 'x.kind',
      title: 'x.title',
      field: 'x.field',
      institution: 'x.institution',
      completedOn: day('x.completed_on'),
    })} AS education`,
    `${rowsOf(t.career_aspirations, {
      streamVersion: 'x.stream_version',
      targetRole: 'x.target_role',
      field: 'x.field',
      targetLevel: 'x.target_level',
      targetDate: day('x.target_date'),
      setOn: utcDay('x.recorded_at'),
    })} AS aspirations`,
    `${rowsOf(t.career_person_changes, {
      streamVersion: 'x.stream_version',
      kind: 'x.kind',
      changes: 'x.changes',
      recordedOn: utcDay('x.recorded_at'),
    })} AS changes`,
  ].join(',\n  ');
}

/** A row of PERSON_COLUMNS plus careerDetailColumns. */
export type CareerRecordRow = CareerPersonRow & {
  jobs: CareerJobRow[];
  promotions: CareerPromotionRow[];
  education: CareerEducationRow[];
  aspirations: CareerAspirationRow[];
  changes: CareerPersonChangeRow[];
};

export function toCareerRecord({ jobs, promotions, education, aspirations, changes, ...person }: CareerRecordRow): CareerRecord {
  return { person, jobs, promotions, education, aspirations, changes };
}
