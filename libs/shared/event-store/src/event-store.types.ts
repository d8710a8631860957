/** Published shapes of the event store. Other libraries code against these only. */

/** `any`: no check; `no_stream`: the stream must not exist; a number: the stream's current version. */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface EventMetadata {
  tenantId: string;
  correlationId?: string;
  causationId?: string;
  /** Who caused the event (a user id or a service name). */
  actor?: string;
  [key: string]: unknown;
}

export interface NewEvent<Data = unknown> {
  type: string;
  data: Data;
  /** Defaults to the newest schema version registered for the type (or 1). */
  schemaVersion?: number;
  /** Defaults to a fresh UUID; pass one to make a retried command idempotent. */
  eventId?: string;
}

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  tenantId: string;
  correlationId?: string;
  causationId?: string;
  actor?: string;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order (decimal strings: bigint in SQL). */
  globalPositions: string[];
}

export interface StoredEvent<Data = unknown> {
  streamId: string;
  streamVersion: number;
  /** bigint sequence value as a decimal string. */
  globalPosition: string;
  /** xid8 of the appending transaction as a decimal string. */
  transactionId: string;
  eventId: string;
  type: string;
  /** After upcasting: the newest version of the type's schema. */
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  tenantId: string;
  recordedAt: Date;
}

export interface ReadStreamOptions {
  /** First stream version to return (1-based, inclusive). Default 1. */
  fromVersion?: number;
  /** Return only events up to and including this version. */
  toVersion?: number;
}

export interface ReadStreamResult<Data = unknown> {
  events: StoredEvent<Data>[];
  /** 0 when the stream does not exist. */
  currentVersion: number;
  /** Tenant that owns the stream, or undefined when it does not exist. */
  tenantId: string | undefined;
}

/**
 * Position in the global log. Ordering and checkpointing use the pair, never the
 * position alone: a lower position may commit later than a higher one.
 */
export interface GlobalCheckpoint {
  transactionId: string;
  globalPosition: string;
}

export interface ReadAllOptions {
  /** Exclusive; null starts from the beginning. */
  after: GlobalCheckpoint | null;
  limit: number;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream<Data = unknown>(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult<Data>>;
  /**
   * Gap-safe read of the global log: returns only events whose transaction is older than
   * every transaction still in flight, ordered by (transactionId, globalPosition).
   */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
}
