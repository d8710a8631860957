import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. Constraint names are fixed because the store tells a version clash from a
 * duplicate event id by the name of the unique constraint PostgreSQL reports.
 *
 * `transaction_id` records the appending transaction so that global readers can wait for
 * every older transaction to finish (see readAll): positions alone are handed out before
 * commit and so commit out of order.
 */
export class CreateEventStore1700000000000 implements MigrationInterface {
  name = 'CreateEventStore1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY,
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        tenant_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_pkey PRIMARY KEY (global_position),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_version_positive CHECK (stream_version > 0),
        CONSTRAINT events_schema_version_positive CHECK (schema_version > 0)
      )`);
    await queryRunner.query(`CREATE INDEX events_transaction_position_idx ON events (transaction_id, global_position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE events`);
  }
}
