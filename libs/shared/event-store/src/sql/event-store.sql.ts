/**
 * The store's fixed SQL. Each statement runs as a named prepared statement, so PostgreSQL
 * parses and plans it once per connection instead of once per call.
 */

/** Names of the unique constraints created by CreateEventStore1700000000000. */
export const STREAM_VERSION_CONSTRAINT = 'events_stream_version_key';
export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

const EVENT_COLUMNS = `stream_id, stream_version, global_position::text AS global_position,
  transaction_id::text AS transaction_id, event_id::text AS event_id, type, schema_version,
  data, metadata, tenant_id, recorded_at`;

/**
 * One statement, one round trip, for any number of events.
 * $1 stream id, $2 expected version (NULL = any), $3 tenant, $4 event ids, $5 types,
 * $6 schema versions, $7 JSON array of the events' data, $8 metadata shared by the batch.
 *
 * The head is read in the same statement as the insert and the insert only happens when it
 * matches the expectation and the tenant, so a stream behind the expected version never
 * gets a gap. Two writers that both read the same head race on the unique
 * (stream_id, stream_version) index: the loser waits for the winner to commit and then
 * fails with 23505, which the store turns into a ConcurrencyError. ORDER BY keeps identity
 * values rising with stream versions inside the batch.
 */
export const APPEND_SQL = {
  name: 'event_store_append_v1',
  text: `WITH head AS (
    SELECT stream_version, tenant_id FROM events WHERE stream_id = $1
    ORDER BY stream_version DESC LIMIT 1
  ), state AS (
    SELECT coalesce((SELECT stream_version FROM head), 0) AS version, (SELECT tenant_id FROM head) AS tenant
  ), inserted AS (
    INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, tenant_id)
    SELECT $1, state.version + e.n, e.event_id, e.type, e.schema_version, e.data, $8::jsonb, $3
    FROM state, ROWS FROM (
      unnest($4::uuid[]), unnest($5::text[]), unnest($6::int[]), jsonb_array_elements($7::jsonb)
    ) WITH ORDINALITY AS e(event_id, type, schema_version, data, n)
    WHERE ($2::int IS NULL OR state.version = $2::int) AND (state.tenant IS NULL OR state.tenant = $3)
    ORDER BY e.n
    RETURNING stream_version, global_position
  )
  SELECT state.version AS current_version, state.tenant AS stream_tenant,
    (SELECT array_agg(global_position::text ORDER BY stream_version) FROM inserted) AS positions
  FROM state`,
} as const;

/** $1 stream id, $2 first version, $3 last version. Returns the head even when the range is empty. */
export const READ_STREAM_SQL = {
  name: 'event_store_read_stream_v1',
  text: `WITH head AS (
    SELECT stream_version, tenant_id FROM events WHERE stream_id = $1
    ORDER BY stream_version DESC LIMIT 1
  )
  SELECT head.stream_version AS current_version, head.tenant_id AS stream_tenant, e.*
  FROM head LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS} FROM events
    WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3
  ) e ON true
  ORDER BY e.stream_version`,
} as const;

/**
 * $1/$2 checkpoint pair (exclusive), $3 limit. Only rows whose transaction is older than
 * every transaction still in flight are visible, so a row that commits later can never sit
 * behind the reader's checkpoint; order and checkpoint follow the same pair. The alias
 * matters: unqualified, ORDER BY would pick the text-cast output columns and sort '10' < '9'.
 */
export const READ_ALL_SQL = {
  name: 'event_store_read_all_v1',
  text: `SELECT ${EVENT_COLUMNS} FROM events ev
  WHERE ev.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    AND (ev.transaction_id, ev.global_position) > ($1::xid8, $2::bigint)
  ORDER BY ev.transaction_id, ev.global_position
  LIMIT $3`,
} as const;
