import type {
  CareerAspirationRow,
  CareerEducationRow,
  CareerJobRow,
  CareerPersonChangeRow,
  CareerPersonRow,
  CareerPromotionRow,
  CareerRecord,
} from '@trajectory/career/application';
import type { Pool } from 'pg';
import type { CareerTable } from './career-tables';

/** Dates leave PostgreSQL as `YYYY-MM-DD` text (timestamps as their UTC day): no time zone can shift a calendar day. */
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const utcDay = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

export const PERSON_COLUMNS = `person_id AS "personId", given_name AS "givenName", family_name AS "familyName",
  ${day('hire_date')} AS "hireDate", employee_number AS "employeeNumber", org_unit AS "orgUnit", manager_id AS "managerId",
  ${day('offboarded_on')} AS "offboardedOn", ${utcDay('erased_at')} AS "erasedOn"`;

type Owned<Row> = Row & { personId: string };

const QUERIES = {
  jobs: (t: Record<CareerTable, string>) => `SELECT person_id AS "personId", job_id AS "jobId", title, employer,
      employment_type AS "employmentType", ${day('start_date')} AS "startDate", ${day('end_date')} AS "endDate", field, level
      FROM ${t.career_jobs} WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
  promotions: (t: Record<CareerTable, string>) => `SELECT person_id AS "personId", job_id AS "jobId", stream_version AS "streamVersion",
      new_title AS "newTitle", new_level AS "newLevel", previous_level AS "previousLevel", ${day('effective_date')} AS "effectiveDate"
      FROM ${t.career_promotions} WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
  education: (t: Record<CareerTable, string>) => `SELECT person_id AS "personId", education_id AS "educationId", kind, title, field,
      institution, ${day('completed_on')} AS "completedOn"
      FROM ${t.career_education} WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
  aspirations: (t: Record<CareerTable, string>) => `SELECT person_id AS "personId", stream_version AS "streamVersion",
      target_role AS "targetRole", field, target_level AS "targetLevel", ${day('target_date')} AS "targetDate", ${utcDay('recorded_at')} AS "setOn"
      FROM ${t.career_aspirations} WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
  changes: (t: Record<CareerTable, string>) => `SELECT person_id AS "personId", stream_version AS "streamVersion", kind, changes,
      ${utcDay('recorded_at')} AS "recordedOn"
      FROM ${t.career_person_changes} WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
};

function groupByPerson<Row>(rows: Owned<Row>[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const { personId, ...row } of rows) {
    const list = grouped.get(personId) ?? [];
    list.push(row as Row);
    grouped.set(personId, list);
  }
  return grouped;
}

/** Loads everything the timelines of some people need: one query per table, whatever the number of people. */
export async function loadCareerRecords(pool: Pool, t: Record<CareerTable, string>, tenantId: string, people: CareerPersonRow[]): Promise<CareerRecord[]> {
  if (people.length === 0) return [];
  const values = [tenantId, people.map((p) => p.personId)];
  const [jobs, promotions, education, aspirations, changes] = await Promise.all([
    pool.query<Owned<CareerJobRow>>(QUERIES.jobs(t), values),
    pool.query<Owned<CareerPromotionRow>>(QUERIES.promotions(t), values),
    pool.query<Owned<CareerEducationRow>>(QUERIES.education(t), values),
    pool.query<Owned<CareerAspirationRow>>(QUERIES.aspirations(t), values),
    pool.query<Owned<CareerPersonChangeRow>>(QUERIES.changes(t), values),
  ]);
  const by = {
    jobs: groupByPerson<CareerJobRow>(jobs.rows),
    promotions: groupByPerson<CareerPromotionRow>(promotions.rows),
    education: groupByPerson<CareerEducationRow>(education.rows),
    aspirations: groupByPerson<CareerAspirationRow>(aspirations.rows),
    changes: groupByPerson<CareerPersonChangeRow>(changes.rows),
  };
  return people.map((person) => ({
    person,
    jobs: by.jobs.get(person.personId) ?? [],
    promotions: by.promotions.get(person.personId) ?? [],
    education: by.education.get(person.personId) ?? [],
    aspirations: by.aspirations.get(person.personId) ?? [],
    changes: by.changes.get(person.personId) ?? [],
  }));
}
