import { profilesEventUpcasters, profilesPiiFields } from '@trajectory/contracts/profiles';
import { PiiProtection, PostgresEventStore, PostgresPiiKeyStore, UpcasterRegistry, type GlobalCheckpoint, type StoredEvent } from '@trajectory/shared/event-store';
import type { Pool } from 'pg';

/** What a rebuild reads: the profiles global log, gap-safe, and how long it is. */
export interface ProfilesEventSource {
  readAll(options: { after: GlobalCheckpoint | null; limit: number }): Promise<StoredEvent[]>;
  countEvents(): Promise<number>;
}

/**
 * Reads the profiles database directly, as its own relay does: events upcast to their
 * newest shape and personal fields opened with the person's key (null once erased), so a
 * rebuilt read model holds exactly what the live consumer was sent, minus erased PII.
 * Read only: the key store is never asked to create keys here.
 */
export function profilesEventSource(profilesPool: Pool): ProfilesEventSource {
  const upcasters = new UpcasterRegistry();
  for (const { type, fromVersion, upcast } of profilesEventUpcasters) upcasters.register(type, fromVersion, upcast);
  const pii = new PiiProtection({
    fields: profilesPiiFields,
    subjectOf: (_type, data) => (data as { personId?: string }).personId,
    keys: new PostgresPiiKeyStore(profilesPool),
  });
  const store = new PostgresEventStore(profilesPool, { upcasters, pii, batching: false });
  return {
    readAll: (options) => store.readAll(options),
    countEvents: async () => {
      const { rows } = await profilesPool.query<{ count: string }>('SELECT count(*) AS count FROM events');
      return Number(rows[0]?.count ?? 0);
    },
  };
}
