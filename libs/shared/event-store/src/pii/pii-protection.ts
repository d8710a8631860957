import type { NewEvent, StoredEvent } from '../event-store.types';
import { mapPaths } from './field-paths';
import { isSealed, newDataKey, openValue, sealValue } from './pii-cipher';
import type { PostgresPiiKeyStore } from './pii-key.store';

export interface PiiProtectionOptions {
  /** Dotted paths of the personal fields of each event type, e.g. `{ PersonUpdated: ['changes.email'] }`. */
  fields: Readonly<Record<string, readonly string[]>>;
  /** Whose data an event holds (its key), e.g. `data.personId`. */
  subjectOf: (type: string, data: unknown) => string | undefined;
  keys: PostgresPiiKeyStore;
}

/** Seals an event's data: personal fields encrypted with the subject's key. */
export type DataSealer = (type: string, data: unknown) => unknown;

/** Keys made for subjects taken to be new, to be stored by the append that uses them. */
export interface NewSubjectKeys {
  subjects: string[];
  keys: Buffer[];
}

/**
 * Crypto-shredding: personal fields are stored sealed with a per-subject key and opened on
 * read. Once the key is erased they open as null, in every copy of every event.
 */
export class PiiProtection {
  constructor(private readonly options: PiiProtectionOptions) {}

  /** Loads (or creates) the keys an append needs; the sealing itself is synchronous. */
  async sealerFor(events: readonly NewEvent[]): Promise<DataSealer | undefined> {
    const subjects = this.subjectsOf(events.map((event) => ({ type: event.type, data: event.data })));
    if (subjects.size === 0) return undefined;
    return this.sealerWith(await this.options.keys.getOrCreate([...subjects]));
  }

  /**
   * For an append that creates its stream, whose subjects usually have no key yet: fresh
   * keys made here, without asking the database, for the append to insert in its own
   * statement. The insert fails if a subject has a key after all (a unique violation on
   * pii_keys), and nothing is stored; the caller then seals again with sealerFor.
   */
  newSubjectSealer(events: readonly NewEvent[]): { seal: DataSealer; newKeys: NewSubjectKeys } | undefined {
    const subjects = [...this.subjectsOf(events.map((event) => ({ type: event.type, data: event.data })))];
    if (subjects.length === 0) return undefined;
    const keys = subjects.map(() => newDataKey());
    return { seal: this.sealerWith(new Map(subjects.map((subject, i) => [subject, keys[i] as Buffer]))), newKeys: { subjects, keys } };
  }

  private sealerWith(keys: ReadonlyMap<string, Buffer>): DataSealer {
    return (type, data) => {
      const paths = this.options.fields[type];
      const subject = this.options.subjectOf(type, data);
      const key = subject === undefined ? undefined : keys.get(subject);
      if (paths === undefined || subject === undefined) return data;
      // Storing personal data unsealed would make erasure a lie: refuse instead.
      if (key === undefined) throw new Error(`No data key for subject ${subject}; refusing to store personal data unsealed`);
      return mapPaths(data, paths, (value) => sealValue(key, value));
    };
  }

  /** Opens personal fields in place of their sealed form; erased subjects' fields become null. */
  async open<Data>(events: StoredEvent<Data>[]): Promise<StoredEvent<Data>[]> {
    const subjects = this.subjectsOf(events);
    if (subjects.size === 0) return events;
    const keys = await this.options.keys.load([...subjects]);
    return events.map((event) => {
      const paths = this.options.fields[event.type];
      if (paths === undefined) return event;
      const subject = this.options.subjectOf(event.type, event.data);
      const key = subject === undefined ? undefined : keys.get(subject);
      const data = mapPaths(event.data, paths, (value) => (!isSealed(value) ? value : key === undefined ? null : openValue(key, value)));
      return { ...event, data: data as Data };
    });
  }

  erase(subject: string): Promise<boolean> {
    return this.options.keys.erase(subject);
  }

  private subjectsOf(events: ReadonlyArray<{ type: string; data: unknown }>): Set<string> {
    const subjects = new Set<string>();
    for (const event of events) {
      if (this.options.fields[event.type] === undefined) continue;
      const subject = this.options.subjectOf(event.type, event.data);
      if (subject !== undefined) subjects.add(subject);
    }
    return subjects;
  }
}
