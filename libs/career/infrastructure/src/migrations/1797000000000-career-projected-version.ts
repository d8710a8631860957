import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newest version of a person's profiles stream that the read model has applied: the
 * career answer's ETag, comparable with the ETag of the write that produced it. Rows
 * projected before this migration get the newest version their own rows record (jobs and
 * education carry none, so it may lag); `npm run career:rebuild` makes it exact.
 */
export class CareerProjectedVersion1797000000000 implements MigrationInterface {
  name = 'CareerProjectedVersion1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE career_people ADD COLUMN projected_version integer NOT NULL DEFAULT 0');
    await queryRunner.query(`
      UPDATE career_people p SET projected_version = GREATEST(
        coalesce(p.registered_version, 0), coalesce(p.offboarded_version, 0),
        (SELECT coalesce(max(stream_version), 0) FROM career_person_changes x WHERE x.tenant_id = p.tenant_id AND x.person_id = p.person_id),
        (SELECT coalesce(max(stream_version), 0) FROM career_promotions x WHERE x.tenant_id = p.tenant_id AND x.person_id = p.person_id),
        (SELECT coalesce(max(stream_version), 0) FROM career_aspirations x WHERE x.tenant_id = p.tenant_id AND x.person_id = p.person_id))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE career_people DROP COLUMN projected_version');
  }
}
