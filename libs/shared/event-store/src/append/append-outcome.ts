import { ConcurrencyError } from '../errors/concurrency.error';
import { DuplicateEventError } from '../errors/duplicate-event.error';
import { StreamTenantMismatchError } from '../errors/stream-tenant-mismatch.error';
import type { AppendResult } from '../event-store.types';
import { EVENT_ID_CONSTRAINT, PII_KEY_CONSTRAINT, STREAM_VERSION_CONSTRAINT } from '../sql/event-store.sql';
import type { PreparedAppend } from './prepared-append';

/** APPEND_SQL's row for one append: the head it saw and what it inserted. */
export interface AppendRow {
  current_version: number;
  stream_tenant: string | null;
  positions: string[] | null;
}

type AppendFacts = Pick<PreparedAppend, 'streamId' | 'tenantId' | 'expectedVersion' | 'expected'>;

/**
 * The statement inserts only when the head matched, so the same comparison here tells
 * which rule refused an append; an empty append is checked the same way.
 */
export function appendOutcome(row: AppendRow, append: AppendFacts): AppendResult {
  if (row.stream_tenant !== null && row.stream_tenant !== append.tenantId) {
    throw new StreamTenantMismatchError(append.streamId, append.tenantId);
  }
  if (append.expected !== null && row.current_version !== append.expected) {
    throw new ConcurrencyError(append.streamId, append.expectedVersion, row.current_version);
  }
  const globalPositions = row.positions ?? [];
  return { nextExpectedVersion: row.current_version + globalPositions.length, globalPositions };
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/**
 * Kind of unique violation, or undefined when the error is something else entirely.
 * 'pii_key': a subject an append took to be new has a data key already.
 */
export function uniqueViolation(error: unknown): 'version' | 'event_id' | 'pii_key' | undefined {
  const pgError = error as PgError | null;
  if (typeof pgError !== 'object' || pgError === null || pgError.code !== '23505') return undefined;
  if (pgError.constraint === STREAM_VERSION_CONSTRAINT) return 'version';
  if (pgError.constraint === EVENT_ID_CONSTRAINT) return 'event_id';
  if (pgError.constraint === PII_KEY_CONSTRAINT) return 'pii_key';
  return undefined;
}

/** Turns a failed append into the store's typed error; anything unrelated passes through. */
export function translateAppendError(error: unknown, append: AppendFacts): unknown {
  const kind = uniqueViolation(error);
  if (kind === 'version') return new ConcurrencyError(append.streamId, append.expectedVersion);
  if (kind === 'event_id') {
    const match = /\(event_id\)=\(([^)]+)\)/.exec((error as PgError).detail ?? '');
    return new DuplicateEventError(append.streamId, match?.[1]);
  }
  return error;
}
