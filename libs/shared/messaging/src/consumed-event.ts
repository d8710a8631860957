import type { PoolClient } from 'pg';
import type { CloudEventEnvelope } from './cloud-event-headers';

/** A CloudEvent read from Kafka, with where it came from. */
export interface ConsumedEvent<Data = unknown> extends CloudEventEnvelope<Data> {
  topic: string;
  partition: number;
  /** Kafka offset as a decimal string (int64). */
  offset: string;
  key: string | null;
}

/**
 * Applies one event inside the consumer's PostgreSQL transaction. Write only through `tx`:
 * that is what makes the change and the dedupe record commit or roll back together.
 * Throwing rolls back; the runner retries, then dead-letters the message.
 */
export type ConsumedEventHandler = (event: ConsumedEvent, tx: PoolClient) => Promise<void>;
