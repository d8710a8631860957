import { projectProfilesEvent, type CareerProjectionPort } from '@trajectory/career/application';
import type { GlobalCheckpoint, StoredEvent } from '@trajectory/shared/event-store';
import type { PoolClient } from 'pg';
import type { ProfilesEventSource } from './profiles-event-source';

export interface ReplayProgress {
  /** Events read from the store so far (projected or skipped). */
  read: number;
}

function checkpointOf(event: StoredEvent): GlobalCheckpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** A stored event handed to the projection exactly as the consumer hands over a consumed one. */
export function projectStoredEvent(projection: CareerProjectionPort, client: PoolClient, event: StoredEvent): Promise<boolean> {
  return projectProfilesEvent(projection, client, event.type, {
    eventId: event.eventId,
    tenantId: event.tenantId,
    streamVersion: event.streamVersion,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
  });
}

/**
 * Projects the store's global log from `after` up to its current head, one transaction
 * per page: a crash loses at most the page in flight, and the rebuild starts over anyway.
 * Pass `inTransaction` to apply every page inside a transaction the caller already holds.
 */
export async function replayEvents(options: {
  source: ProfilesEventSource;
  projection: CareerProjectionPort;
  client: PoolClient;
  after: GlobalCheckpoint | null;
  batchSize: number;
  inTransaction?: boolean;
  onPage?: (read: number) => void;
}): Promise<GlobalCheckpoint | null> {
  let checkpoint = options.after;
  for (;;) {
    const events = await options.source.readAll({ after: checkpoint, limit: options.batchSize });
    const last = events[events.length - 1];
    if (last === undefined) return checkpoint;
    if (options.inTransaction !== true) await options.client.query('BEGIN');
    try {
      for (const event of events) await projectStoredEvent(options.projection, options.client, event);
      if (options.inTransaction !== true) await options.client.query('COMMIT');
    } catch (error) {
      if (options.inTransaction !== true) await options.client.query('ROLLBACK');
      throw error;
    }
    checkpoint = checkpointOf(last);
    options.onPage?.(events.length);
  }
}
