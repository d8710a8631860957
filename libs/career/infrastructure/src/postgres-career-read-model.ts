import type { CareerJobRow, CareerPersonRow, CareerReadModelPort, ReadModelTransaction } from '@trajectory/career/application';
import type { JobEndedV1, JobStartedV1, PersonRegisteredV1 } from '@trajectory/contracts/profiles';
import type { Pool, PoolClient } from 'pg';

/** Dates leave PostgreSQL as `YYYY-MM-DD` text: no time zone can shift a calendar day. */
const JOB_COLUMNS = `job_id AS "jobId", title, employer, employment_type AS "employmentType",
  to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"`;

export class PostgresCareerReadModel implements CareerReadModelPort {
  constructor(private readonly pool: Pool) {}

  async recordPersonRegistered(tx: ReadModelTransaction, tenantId: string, data: PersonRegisteredV1): Promise<void> {
    await (tx as PoolClient).query(
      `INSERT INTO career_people (tenant_id, person_id, given_name, family_name, hire_date)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, person_id) DO UPDATE
         SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, hire_date = EXCLUDED.hire_date, updated_at = now()`,
      [tenantId, data.personId, data.givenName, data.familyName, data.hireDate],
    );
  }

  async recordJobStarted(tx: ReadModelTransaction, tenantId: string, data: JobStartedV1): Promise<void> {
    await (tx as PoolClient).query(
      `INSERT INTO career_jobs (tenant_id, person_id, job_id, title, employer, employment_type, start_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, person_id, job_id) DO UPDATE
         SET title = EXCLUDED.title, employer = EXCLUDED.employer, employment_type = EXCLUDED.employment_type,
             start_date = EXCLUDED.start_date, updated_at = now()`,
      [tenantId, data.personId, data.jobId, data.title, data.employer, data.employmentType, data.startDate],
    );
  }

  async recordJobEnded(tx: ReadModelTransaction, tenantId: string, data: JobEndedV1): Promise<void> {
    await (tx as PoolClient).query(
      `INSERT INTO career_jobs (tenant_id, person_id, job_id, end_date, end_reason)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, person_id, job_id) DO UPDATE
         SET end_date = EXCLUDED.end_date, end_reason = EXCLUDED.end_reason, updated_at = now()`,
      [tenantId, data.personId, data.jobId, data.endDate, data.reason ?? null],
    );
  }

  async findPerson(tenantId: string, personId: string): Promise<{ person: CareerPersonRow; jobs: CareerJobRow[] } | undefined> {
    const people = await this.pool.query<CareerPersonRow>(
      `SELECT person_id AS "personId", given_name AS "givenName", family_name AS "familyName",
              to_char(hire_date, 'YYYY-MM-DD') AS "hireDate"
         FROM career_people WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId],
    );
    const person = people.rows[0];
    if (person === undefined) return undefined;
    const jobs = await this.pool.query<CareerJobRow>(`SELECT ${JOB_COLUMNS} FROM career_jobs WHERE tenant_id = $1 AND person_id = $2`, [tenantId, personId]);
    return { person, jobs: jobs.rows };
  }
}
