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
 * One statement, one round trip, for one append or a batch of appends to distinct streams.
 * Per append: $1 stream id, $2 expected version (NULL = any), $3 tenant, $4 metadata (JSON
 * array). Per event: $5 index of its append (1-based), $6 offset in it (1-based), $7 id,
 * $8 type, $9 schema version, $10 data (JSON array). One row per append comes back, in order.
 *
 * Each stream's head is read in the same statement as the insert, and an append's events
 * are inserted only when the head matches its expectation and tenant, so a stream behind
 * the expected version never gets a gap and one refused append does not stop the others.
 * Two writers that read the same head race on the unique (stream_id, stream_version)
 * index: the loser waits for the winner to commit, then fails with 23505. Rows go in by
 * stream id so that concurrent batches take those index locks in one order (no deadlock),
 * and by event order within a stream so that positions rise with versions.
 */
export const APPEND_SQL = {
  name: 'event_store_append_v2',
  text: appendText(''),
} as const;

/** Names of the data key table's primary key (CreatePiiKeys1700000000100). */
export const PII_KEY_CONSTRAINT = 'pii_keys_pkey';

/**
 * APPEND_SQL that also stores data keys for subjects taken to be new ($11 subject ids,
 * $12 keys, $13 the index of the append each belongs to), only for appends whose events go
 * in: the key and the data it sealed commit together or not at all, in one round trip. A
 * subject that has a key already fails the statement (23505 on pii_keys_pkey) rather than
 * keep a key other than the one its data was sealed with. Needs the pii_keys table.
 */
export const APPEND_WITH_NEW_KEYS_SQL = {
  name: 'event_store_append_with_keys_v1',
  text: appendText(`, new_keys AS (
    INSERT INTO pii_keys (subject_id, key)
    SELECT k.subject_id, k.key
    FROM ROWS FROM (unnest($11::text[]), unnest($12::bytea[]), unnest($13::int[])) AS k(subject_id, key, i)
    JOIN appends a ON a.i = k.i
    WHERE (a.expected IS NULL OR a.version = a.expected) AND (a.owner IS NULL OR a.owner = a.tenant_id)
    ORDER BY k.subject_id COLLATE "C"
  )`),
} as const;

function appendText(extraCte: string): string {
  return `WITH appends AS (
    SELECT a.i::int AS i, a.stream_id, a.expected, a.tenant_id, a.metadata,
      coalesce(h.stream_version, 0) AS version, h.tenant_id AS owner
    FROM ROWS FROM (
      unnest($1::text[]), unnest($2::int[]), unnest($3::text[]), jsonb_array_elements($4::jsonb)
    ) WITH ORDINALITY AS a(stream_id, expected, tenant_id, metadata, i)
    LEFT JOIN LATERAL (
      SELECT stream_version, tenant_id FROM events WHERE stream_id = a.stream_id
      ORDER BY stream_version DESC LIMIT 1
    ) h ON true
  )${extraCte}, inserted AS (
    INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, tenant_id)
    SELECT a.stream_id, a.version + e.k, e.event_id, e.type, e.schema_version, e.data, a.metadata, a.tenant_id
    FROM ROWS FROM (
      unnest($5::int[]), unnest($6::int[]), unnest($7::uuid[]), unnest($8::text[]), unnest($9::int[]),
      jsonb_array_elements($10::jsonb)
    ) AS e(i, k, event_id, type, schema_version, data)
    JOIN appends a ON a.i = e.i
    WHERE (a.expected IS NULL OR a.version = a.expected) AND (a.owner IS NULL OR a.owner = a.tenant_id)
    ORDER BY a.stream_id COLLATE "C", e.k
    RETURNING stream_id, stream_version, global_position
  ), positions AS (
    SELECT stream_id, array_agg(global_position::text ORDER BY stream_version) AS positions
    FROM inserted GROUP BY stream_id
  )
  SELECT a.version AS current_version, a.owner AS stream_tenant, p.positions
  FROM appends a LEFT JOIN positions p ON p.stream_id = a.stream_id
  ORDER BY a.i`;
}

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
