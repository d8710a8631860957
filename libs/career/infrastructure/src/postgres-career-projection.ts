import type { CareerProjectionPort, ProjectedEvent, ReadModelTransaction } from '@trajectory/career/application';
import type {
  AspirationSetV1,
  EducationAddedV1,
  JobEndedV1,
  JobStartedV2,
  PersonErasedV1,
  PersonOffboardedV1,
  PersonRegisteredV2,
  PersonUpdatedV1,
  PromotedV1,
} from '@trajectory/contracts/profiles';
import type { PoolClient } from 'pg';
import { careerStatement, LIVE_SCHEMA, tablesIn, type CareerTable } from './career-tables';
import { writePersonChange } from './person-changes.writer';

const client = (tx: ReadModelTransaction): PoolClient => tx as PoolClient;

/**
 * Projects profiles events into the career tables of one schema: the live one, or a
 * rebuild's. Every write is an idempotent upsert keyed by ids or stream versions.
 */
export class PostgresCareerProjection implements CareerProjectionPort {
  private readonly t: Record<CareerTable, string>;

  constructor(schema: string = LIVE_SCHEMA) {
    this.t = tablesIn(schema);
  }

  async personRegistered(tx: ReadModelTransaction, { tenantId, streamVersion, recordedAt, data }: ProjectedEvent<PersonRegisteredV2>): Promise<void> {
    const { personId, hireDate, givenName, familyName, email, employeeNumber, orgUnit, managerId } = data;
    const changes = { givenName, familyName, email, employeeNumber, orgUnit, managerId };
    // The change's fold also raises the projected version: no separate statement.
    await writePersonChange(client(tx), this.t, { tenantId, personId, streamVersion, kind: 'registered', changes, recordedAt, hireDate });
  }

  async personUpdated(tx: ReadModelTransaction, { tenantId, streamVersion, recordedAt, data }: ProjectedEvent<PersonUpdatedV1>): Promise<void> {
    await writePersonChange(client(tx), this.t, { tenantId, personId: data.personId, streamVersion, kind: 'updated', changes: data.changes, recordedAt });
  }

  async personOffboarded(tx: ReadModelTransaction, { tenantId, streamVersion, data }: ProjectedEvent<PersonOffboardedV1>): Promise<void> {
    await client(tx).query(
      careerStatement(
        this.t,
        'personOffboarded',
        // Skipped only for an offboarding at least as new, which raised the projected version itself.
        `INSERT INTO ${this.t.career_people} AS p (tenant_id, person_id, offboarded_on, offboard_reason, offboarded_version, projected_version)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (tenant_id, person_id) DO UPDATE
         SET offboarded_on = EXCLUDED.offboarded_on, offboard_reason = EXCLUDED.offboard_reason,
             offboarded_version = EXCLUDED.offboarded_version,
             projected_version = GREATEST(p.projected_version, EXCLUDED.projected_version), updated_at = now()
         WHERE p.offboarded_version IS NULL OR p.offboarded_version < EXCLUDED.offboarded_version`,
        [tenantId, data.personId, data.offboardedOn, data.reason, streamVersion],
      ),
    );
  }

  /** Names and email leave every table; the anonymous history (jobs, counts) stays. */
  async personErased(tx: ReadModelTransaction, { tenantId, streamVersion, data }: ProjectedEvent<PersonErasedV1>): Promise<void> {
    await client(tx).query(
      careerStatement(
        this.t,
        'personErased',
        `INSERT INTO ${this.t.career_people} AS p (tenant_id, person_id, erased_at, projected_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, person_id) DO UPDATE
         SET erased_at = COALESCE(p.erased_at, EXCLUDED.erased_at), given_name = NULL, family_name = NULL, email = NULL,
             projected_version = GREATEST(p.projected_version, EXCLUDED.projected_version), updated_at = now()`,
        [tenantId, data.personId, data.erasedAt, streamVersion],
      ),
    );
    await client(tx).query(
      careerStatement(
        this.t,
        'personErased_2',
        `UPDATE ${this.t.career_person_changes} SET changes = changes - '{givenName,familyName,email}'::text[]
        WHERE tenant_id = $1 AND person_id = $2`,
        [tenantId, data.personId],
      ),
    );
  }

  async jobStarted(tx: ReadModelTransaction, { tenantId, streamVersion, data }: ProjectedEvent<JobStartedV2>): Promise<void> {
    await this.writeAndApply(
      tx,
      'jobStarted',
      `INSERT INTO ${this.t.career_jobs} (tenant_id, person_id, job_id, title, employer, employment_type, start_date, field, level)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, person_id, job_id) DO UPDATE
           SET title = EXCLUDED.title, employer = EXCLUDED.employer, employment_type = EXCLUDED.employment_type,
               start_date = EXCLUDED.start_date, field = EXCLUDED.field, level = EXCLUDED.level, updated_at = now()`,
      [tenantId, data.personId, data.jobId, data.title, data.employer, data.employmentType, data.startDate, data.field ?? null, data.level ?? null],
      streamVersion,
    );
  }

  async jobEnded(tx: ReadModelTransaction, { tenantId, streamVersion, data }: ProjectedEvent<JobEndedV1>): Promise<void> {
    await this.writeAndApply(
      tx,
      'jobEnded',
      `INSERT INTO ${this.t.career_jobs} (tenant_id, person_id, job_id, end_date, end_reason)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, person_id, job_id) DO UPDATE
           SET end_date = EXCLUDED.end_date, end_reason = EXCLUDED.end_reason, updated_at = now()`,
      [tenantId, data.personId, data.jobId, data.endDate, data.reason ?? null],
      streamVersion,
    );
  }

  async promoted(tx: ReadModelTransaction, { tenantId, streamVersion, data }: ProjectedEvent<PromotedV1>): Promise<void> {
    await this.writeAndApply(
      tx,
      'promoted',
      `INSERT INTO ${this.t.career_promotions} (tenant_id, person_id, stream_version, job_id, new_title, new_level, previous_level, effective_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, person_id, stream_version) DO NOTHING`,
      [tenantId, data.personId, streamVersion, data.jobId, data.newTitle, data.newLevel, data.previousLevel, data.effectiveDate],
      streamVersion,
    );
  }

  async educationAdded(tx: ReadModelTransaction, { tenantId, streamVersion, data }: ProjectedEvent<EducationAddedV1>): Promise<void> {
    await this.writeAndApply(
      tx,
      'educationAdded',
      `INSERT INTO ${this.t.career_education} (tenant_id, person_id, education_id, kind, title, field, institution, completed_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, person_id, education_id) DO NOTHING`,
      [tenantId, data.personId, data.educationId, data.kind, data.title, data.field, data.institution, data.completedOn],
      streamVersion,
    );
  }

  async aspirationSet(tx: ReadModelTransaction, { tenantId, streamVersion, recordedAt, data }: ProjectedEvent<AspirationSetV1>): Promise<void> {
    await this.writeAndApply(
      tx,
      'aspirationSet',
      `INSERT INTO ${this.t.career_aspirations} (tenant_id, person_id, stream_version, target_role, field, target_level, target_date, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, person_id, stream_version) DO NOTHING`,
      [tenantId, data.personId, streamVersion, data.targetRole, data.field, data.targetLevel, data.targetDate, recordedAt],
      streamVersion,
    );
  }

  /**
   * Runs the write of one of a person's events and, in the same statement (one round trip),
   * moves the person's projected version up to the event's own (never down: redelivered or
   * rebuilt events may come late), so a read can name the newest write it reflects. Events
   * that already write the person's row (registration, update, offboarding, erasure) raise
   * it there instead. `write` takes the tenant and person ids as $1 and $2.
   */
  private async writeAndApply(tx: ReadModelTransaction, purpose: string, write: string, values: unknown[], streamVersion: number): Promise<void> {
    const version = `$${values.length + 1}`;
    await client(tx).query(
      careerStatement(
        this.t,
        purpose,
        `WITH written AS (${write})
       INSERT INTO ${this.t.career_people} AS p (tenant_id, person_id, projected_version) VALUES ($1, $2, ${version}::integer)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET projected_version = EXCLUDED.projected_version
         WHERE p.projected_version < EXCLUDED.projected_version`,
        [...values, streamVersion],
      ),
    );
  }
}
