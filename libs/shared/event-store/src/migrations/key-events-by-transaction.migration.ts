import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Global readers order and seek by (transaction_id, global_position), so that pair becomes
 * the primary key and the separate index on it goes. Positions stay unique (an identity
 * column), but nothing looks an event up by position alone, and every append then updates
 * three indexes instead of four.
 */
export class KeyEventsByTransaction1700000000200 implements MigrationInterface {
  name = 'KeyEventsByTransaction1700000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE events DROP CONSTRAINT events_pkey`);
    await queryRunner.query(`DROP INDEX events_transaction_position_idx`);
    await queryRunner.query(`ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (transaction_id, global_position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE events DROP CONSTRAINT events_pkey`);
    await queryRunner.query(`ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (global_position)`);
    await queryRunner.query(`CREATE INDEX events_transaction_position_idx ON events (transaction_id, global_position)`);
  }
}
