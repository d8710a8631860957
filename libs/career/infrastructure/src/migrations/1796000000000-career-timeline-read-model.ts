import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full career timeline: org attributes and their history, offboarding and erasure,
 * job field and level, promotions, education and aspirations. Every table is keyed by ids
 * or by (person, stream version) so that projections are idempotent upserts.
 */
export class CareerTimelineReadModel1796000000000 implements MigrationInterface {
  name = 'CareerTimelineReadModel1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE career_people
        ADD COLUMN email              text,
        ADD COLUMN employee_number    text,
        ADD COLUMN org_unit           text,
        ADD COLUMN manager_id         uuid,
        ADD COLUMN registered_version integer,
        ADD COLUMN offboarded_on      date,
        ADD COLUMN offboard_reason    text,
        ADD COLUMN offboarded_version integer,
        ADD COLUMN erased_at          timestamptz`);
    await queryRunner.query('ALTER TABLE career_jobs ADD COLUMN field text, ADD COLUMN level integer');
    await queryRunner.query(`
      CREATE TABLE career_person_changes (
        tenant_id      text NOT NULL,
        person_id      uuid NOT NULL,
        stream_version integer NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('registered', 'updated')),
        changes        jsonb NOT NULL,
        recorded_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, person_id, stream_version)
      )`);
    await queryRunner.query(`
      CREATE TABLE career_promotions (
        tenant_id      text NOT NULL,
        person_id      uuid NOT NULL,
        stream_version integer NOT NULL,
        job_id         uuid NOT NULL,
        new_title      text NOT NULL,
        new_level      integer NOT NULL,
        previous_level integer NOT NULL,
        effective_date date NOT NULL,
        PRIMARY KEY (tenant_id, person_id, stream_version)
      )`);
    await queryRunner.query(`
      CREATE TABLE career_education (
        tenant_id    text NOT NULL,
        person_id    uuid NOT NULL,
        education_id uuid NOT NULL,
        kind         text NOT NULL,
        title        text NOT NULL,
        field        text NOT NULL,
        institution  text NOT NULL,
        completed_on date NOT NULL,
        PRIMARY KEY (tenant_id, person_id, education_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE career_aspirations (
        tenant_id      text NOT NULL,
        person_id      uuid NOT NULL,
        stream_version integer NOT NULL,
        target_role    text NOT NULL,
        field          text NOT NULL,
        target_level   integer NOT NULL,
        target_date    date NOT NULL,
        recorded_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, person_id, stream_version)
      )`);
    // The people list pages by id within a tenant, optionally within an org unit or a manager's reports.
    await queryRunner.query('CREATE INDEX career_people_org_unit_idx ON career_people (tenant_id, org_unit, person_id)');
    await queryRunner.query('CREATE INDEX career_people_manager_idx ON career_people (tenant_id, manager_id, person_id)');
    // People projected before this migration were registered (v1 events): keep them visible
    // with their names as the baseline change. `npm run career:rebuild` restores the rest.
    await queryRunner.query(`
      UPDATE career_people SET registered_version = 1 WHERE given_name IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO career_person_changes (tenant_id, person_id, stream_version, kind, changes, recorded_at)
      SELECT tenant_id, person_id, 1, 'registered', jsonb_build_object('givenName', given_name, 'familyName', family_name), updated_at
        FROM career_people WHERE given_name IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['career_aspirations', 'career_education', 'career_promotions', 'career_person_changes']) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query('DROP INDEX career_people_org_unit_idx');
    await queryRunner.query('DROP INDEX career_people_manager_idx');
    await queryRunner.query('ALTER TABLE career_jobs DROP COLUMN field, DROP COLUMN level');
    await queryRunner.query(`
      ALTER TABLE career_people DROP COLUMN email, DROP COLUMN employee_number, DROP COLUMN org_unit, DROP COLUMN manager_id,
        DROP COLUMN registered_version, DROP COLUMN offboarded_on, DROP COLUMN offboard_reason, DROP COLUMN offboarded_version, DROP COLUMN erased_at`);
  }
}
