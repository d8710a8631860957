import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One checkpoint per relay. The pair (transaction_id, global_position) is the only safe
 * resume point: a position alone would skip rows of transactions that committed later.
 */
export class CreateOutboxCheckpoints1795600000100 implements MigrationInterface {
  readonly name = 'CreateOutboxCheckpoints1795600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_checkpoints (
        relay_name      text PRIMARY KEY,
        transaction_id  xid8 NOT NULL,
        global_position bigint NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_checkpoints');
  }
}

/**
 * What a consumer group has applied, written in the same transaction as the read-model
 * change. Offsets skip redelivered messages cheaply; event ids also catch the relay's
 * at-least-once duplicates, which arrive at new offsets.
 */
export class CreateConsumerDedupe1795600000200 implements MigrationInterface {
  readonly name = 'CreateConsumerDedupe1795600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consumer_offsets (
        group_id    text NOT NULL,
        topic       text NOT NULL,
        partition   integer NOT NULL,
        next_offset bigint NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic, partition)
      )`);
    await queryRunner.query(`
      CREATE TABLE processed_events (
        group_id     text NOT NULL,
        event_id     text NOT NULL,
        topic        text NOT NULL,
        partition    integer NOT NULL,
        kafka_offset bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE processed_events');
    await queryRunner.query('DROP TABLE consumer_offsets');
  }
}

/**
 * Lets the dedupe pruner find a group's old rows without scanning the table. A B-tree: its
 * inserts land at the right edge (processed_at only grows), and it shrinks with what is
 * deleted. A BRIN index would be cheaper to keep, but its page-range summaries never
 * narrow when rows are deleted, and new rows refill the pages the pruning freed, so
 * within weeks every range would look old and each pruning would read the whole table.
 */
export class IndexProcessedEventsByAge1797100000000 implements MigrationInterface {
  readonly name = 'IndexProcessedEventsByAge1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX processed_events_group_age_idx ON processed_events (group_id, processed_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX processed_events_group_age_idx');
  }
}

export const messagingMigrations = [CreateOutboxCheckpoints1795600000100, CreateConsumerDedupe1795600000200, IndexProcessedEventsByAge1797100000000] as const;
