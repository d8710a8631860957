import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { APPEND_SQL, APPEND_WITH_NEW_KEYS_SQL } from '../sql/event-store.sql';
import type { AppendRow } from './append-outcome';
import { appendParameters, newKeyParameters } from './append-parameters';
import type { Settled } from './append-batcher';
import type { PreparedAppend } from './prepared-append';

/** What an append needs of a pool or a checked-out client. */
export interface Queryable {
  query<Row extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<Row>>;
}

const UNIQUE_VIOLATION = '23505';
const DEADLOCK_DETECTED = '40P01';

/**
 * Runs appends to distinct streams as one statement. When one append of a batch trips a
 * unique index (another process won a race, or an event id is already stored) the whole
 * statement fails; each append is then run on its own so that only the culprit fails and
 * its error names the right stream.
 */
export async function executeAppends(db: Queryable, appends: readonly PreparedAppend[]): Promise<Settled<AppendRow>[]> {
  try {
    const withKeys = appends.some((append) => append.newKeys !== undefined);
    const { rows } = await db.query<AppendRow>(
      withKeys
        ? { ...APPEND_WITH_NEW_KEYS_SQL, values: [...appendParameters(appends), ...newKeyParameters(appends)] }
        : { ...APPEND_SQL, values: appendParameters(appends) },
    );
    return appends.map((_, i) => {
      const row = rows[i];
      return row === undefined ? { ok: false, error: new Error('Append statement returned too few rows') } : { ok: true, value: row };
    });
  } catch (error) {
    if (appends.length > 1 && splitsIntoSingles(error)) {
      return Promise.all(appends.map(async (append) => (await executeAppends(db, [append]))[0] as Settled<AppendRow>));
    }
    return appends.map(() => ({ ok: false, error }));
  }
}

function splitsIntoSingles(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === UNIQUE_VIOLATION || code === DEADLOCK_DETECTED;
}
