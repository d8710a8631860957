import type { Pool, PoolClient } from 'pg';
import { AppendBatcher, type AppendBatchingOptions, type Settled } from './append/append-batcher';
import { appendOutcome, translateAppendError, uniqueViolation, type AppendRow } from './append/append-outcome';
import { executeAppends } from './append/append-statement';
import { prepareAppend, type AppendRegistries, type PreparedAppend } from './append/prepared-append';
import { ConcurrencyError } from './errors';
import type { PiiProtection } from './pii/pii-protection';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  StoredEvent,
} from './event-store.types';
import type { EventSchemaRegistry } from './schema/event-schema.registry';
import { toStoredEvent, type EventRow } from './sql/event-row.mapper';
import { EVENT_ROW_TYPES } from './sql/event-row-types';
import { READ_ALL_SQL, READ_STREAM_SQL } from './sql/event-store.sql';
import type { UpcasterRegistry } from './upcasting/upcaster.registry';

export type AppendOutcomeLabel = 'ok' | 'conflict' | 'error';

export interface PostgresEventStoreOptions {
  /** When present, every appended event's data must match its type's schema. */
  schemas?: EventSchemaRegistry;
  /** When present, events are brought to their newest shape on read. */
  upcasters?: UpcasterRegistry;
  /** Crypto-shredding of personal fields (see pii/pii-protection.ts). */
  pii?: PiiProtection;
  /** Observes every appendToStream: its duration and whether it stored, clashed or failed. */
  onAppend?: (seconds: number, outcome: AppendOutcomeLabel) => void;
  /**
   * Concurrent appends on the pool share statements and commits (on by default). `false`
   * gives every append a transaction of its own, at the price of one commit each.
   */
  batching?: AppendBatchingOptions | false;
}

type ReadStreamRow = Partial<EventRow> & { current_version: number; stream_tenant: string };

const MAX_VERSION = 2_147_483_647;
/**
 * An 'any' append loses a race only to an append that has committed, and each lost attempt
 * is to a different one, so with N writers on one stream the unluckiest needs N attempts:
 * this bounds the contention an 'any' stream tolerates before the caller sees a conflict.
 */
export const ANY_VERSION_ATTEMPTS = 10;

export class PostgresEventStore implements EventStore {
  private readonly registries: AppendRegistries;
  private readonly onAppend: PostgresEventStoreOptions['onAppend'];
  private readonly pii: PiiProtection | undefined;
  private readonly batcher: AppendBatcher<PreparedAppend, AppendRow> | undefined;

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.registries = { schemas: options.schemas, upcasters: options.upcasters };
    this.onAppend = options.onAppend;
    this.pii = options.pii;
    this.batcher = options.batching === false ? undefined : new AppendBatcher((batch) => executeAppends(pool, batch), options.batching);
  }

  /**
   * Runs in an implicit transaction of its own (shared only with other appends of this
   * store batched with it), so the append is that transaction's first write.
   */
  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const observe = this.onAppend;
    if (observe === undefined) return this.appendWithRetries(streamId, events, options);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.appendWithRetries(streamId, events, options);
      observe(seconds(), 'ok');
      return result;
    } catch (error) {
      observe(seconds(), error instanceof ConcurrencyError ? 'conflict' : 'error');
      throw error;
    }
  }

  private async appendWithRetries(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // A new stream's subjects are normally new too: their keys go in with the events, in
    // the same statement, instead of a round trip and a commit of their own beforehand.
    const fresh = options.expectedVersion === 'no_stream' ? this.pii?.newSubjectSealer(events) : undefined;
    if (fresh !== undefined) {
      const append = prepareAppend(streamId, events, options, this.registries, fresh.seal, fresh.newKeys);
      try {
        return appendOutcome(await this.send(append), append);
      } catch (error) {
        if (uniqueViolation(error) !== 'pii_key') throw translateAppendError(error, append);
        // A subject had a key after all (nothing was stored): seal with the stored key.
      }
    }
    const append = prepareAppend(streamId, events, options, this.registries, await this.pii?.sealerFor(events));
    for (let attempt = 1; ; attempt++) {
      try {
        return appendOutcome(await this.send(append), append);
      } catch (error) {
        const retry = append.expected === null && attempt < ANY_VERSION_ATTEMPTS && uniqueViolation(error) === 'version';
        if (!retry) throw translateAppendError(error, append);
      }
    }
  }

  /**
   * Appends inside the caller's transaction (e.g. with other writes of the same unit of
   * work). The append must be that transaction's first write: the transaction id is taken
   * at the first write and the global order follows it. A failed append aborts the
   * caller's transaction, so there is no retry here, even for 'any'.
   */
  async appendToStreamWith(client: PoolClient, streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // Keys are written on the pool, outside the caller's transaction, so the append stays its first write.
    const append = prepareAppend(streamId, events, options, this.registries, await this.pii?.sealerFor(events));
    const [settled] = await executeAppends(client, [append]);
    return appendOutcome(unwrap(settled, append), append);
  }

  async readStream<Data = unknown>(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult<Data>> {
    const from = options.fromVersion ?? 1;
    const to = options.toVersion ?? MAX_VERSION;
    const { rows } = await this.pool.query<ReadStreamRow>({ ...READ_STREAM_SQL, types: EVENT_ROW_TYPES, values: [streamId, from, to] });
    const head = rows[0];
    if (head === undefined) return { events: [], currentVersion: 0, tenantId: undefined };
    // A range outside the stream still yields the head row, with null event columns.
    const stored = head.stream_id == null ? [] : rows.map((row) => toStoredEvent<Data>(row as EventRow, this.registries));
    const events = this.pii === undefined ? stored : await this.pii.open(stored);
    return { events, currentVersion: head.current_version, tenantId: head.stream_tenant };
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`limit must be a positive integer, got ${options.limit}`);
    const after = options.after ?? { transactionId: '0', globalPosition: '0' };
    const { rows } = await this.pool.query<EventRow>({
      ...READ_ALL_SQL,
      types: EVENT_ROW_TYPES,
      values: [after.transactionId, after.globalPosition, options.limit],
    });
    const events = rows.map((row) => toStoredEvent(row, this.registries));
    return this.pii === undefined ? events : this.pii.open(events);
  }

  /**
   * Crypto-shreds a subject: their key is deleted, so every personal field sealed with it
   * reads as null from now on. Returns whether there was anything to erase.
   */
  async eraseSubject(subjectId: string): Promise<boolean> {
    if (this.pii === undefined) throw new Error('eraseSubject needs the store to be created with a pii option');
    return this.pii.erase(subjectId);
  }

  private async send(append: PreparedAppend): Promise<AppendRow> {
    if (this.batcher !== undefined) return this.batcher.submit(append);
    const [settled] = await executeAppends(this.pool, [append]);
    if (settled === undefined || !settled.ok) throw settled?.error;
    return settled.value;
  }
}

function unwrap(settled: Settled<AppendRow> | undefined, append: PreparedAppend): AppendRow {
  if (settled === undefined) throw new Error('Append statement answered nothing');
  if (!settled.ok) throw translateAppendError(settled.error, append);
  return settled.value;
}
