import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-subject data keys for crypto-shredding (see pii/pii-protection.ts). */
export class CreatePiiKeys1700000000100 implements MigrationInterface {
  name = 'CreatePiiKeys1700000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pii_keys (
        subject_id text PRIMARY KEY,
        key bytea NOT NULL CHECK (octet_length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pii_keys');
  }
}
