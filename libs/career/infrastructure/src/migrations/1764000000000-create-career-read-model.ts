import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCareerReadModel1764000000000 implements MigrationInterface {
  name = 'CreateCareerReadModel1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Columns other than the keys are nullable: rows are created by whichever event of a
    // person arrives first, and filled in as the others arrive.
    await queryRunner.query(`
      CREATE TABLE career_people (
        tenant_id   text NOT NULL,
        person_id   uuid NOT NULL,
        given_name  text,
        family_name text,
        hire_date   date,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, person_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE career_jobs (
        tenant_id       text NOT NULL,
        person_id       uuid NOT NULL,
        job_id          uuid NOT NULL,
        title           text,
        employer        text,
        employment_type text,
        start_date      date,
        end_date        date,
        end_reason      text,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, person_id, job_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE career_jobs');
    await queryRunner.query('DROP TABLE career_people');
  }
}
