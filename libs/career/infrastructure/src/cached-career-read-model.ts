import type { CareerReadModelPort, CareerRecord, PeoplePageRequest } from '@trajectory/career/application';
import { LRUCache } from 'lru-cache';

/** Tells the cache which people's careers changed, from the projection's commit notices. */
export interface CareerInvalidations {
  /** False while no notice can arrive (not listening): the cache then stands aside. */
  readonly listening: boolean;
  /** `people`: person ids whose career changed; 'all' when any may have. */
  onInvalidate(listener: (people: ReadonlySet<string> | 'all') => void): void;
}

interface Flight {
  personId: string;
  stale: boolean;
}

/**
 * Keeps recently read careers in memory and drops one as soon as a commit notice names its
 * person, so a read of an unchanged career costs no round trip to PostgreSQL. Records are
 * frozen (a timeline must never change what it is built from). A read that was in flight
 * when its person's notice arrived may carry the older state: it is answered, not kept.
 * While the notices cannot arrive (the listening connection is down) every read goes to
 * PostgreSQL and the cache is emptied, so nothing stale outlives the outage. Lists are
 * never cached.
 */
export class CachedCareerReadModel implements CareerReadModelPort {
  /** By person id (unique across tenants); an entry answers only its own tenant. */
  private readonly cache: LRUCache<string, { tenantId: string; record: CareerRecord }>;
  private readonly flights = new Set<Flight>();

  constructor(
    private readonly inner: CareerReadModelPort,
    private readonly invalidations: CareerInvalidations,
    maxEntries = 10_000,
  ) {
    this.cache = new LRUCache({
      max: maxEntries,
      // Bounded by rows as well as by careers: one person's record grows with every update.
      maxSize: maxEntries * ROWS_PER_ENTRY,
      sizeCalculation: ({ record }) => Math.min(rowsOf(record), maxEntries * ROWS_PER_ENTRY),
    });
    invalidations.onInvalidate((people) => this.invalidate(people));
  }

  async findCareer(tenantId: string, personId: string): Promise<CareerRecord | undefined> {
    if (!this.invalidations.listening) return this.inner.findCareer(tenantId, personId);
    const cached = this.cache.get(personId);
    if (cached !== undefined && cached.tenantId === tenantId) return cached.record;
    const flight: Flight = { personId, stale: false };
    this.flights.add(flight);
    try {
      const found = await this.inner.findCareer(tenantId, personId);
      if (found !== undefined && !flight.stale && this.invalidations.listening) this.cache.set(personId, { tenantId, record: deepFreeze(found) });
      return found;
    } finally {
      this.flights.delete(flight);
    }
  }

  listPeople(tenantId: string, request: PeoplePageRequest): Promise<{ records: CareerRecord[]; total: number }> {
    return this.inner.listPeople(tenantId, request);
  }

  private invalidate(people: ReadonlySet<string> | 'all'): void {
    if (people === 'all') {
      this.cache.clear();
      for (const flight of this.flights) flight.stale = true;
      return;
    }
    for (const flight of this.flights) if (people.has(flight.personId)) flight.stale = true;
    for (const personId of people) this.cache.delete(personId);
  }
}

/** Rows an average career may hold (jobs, promotions, changes, education, aspirations). */
const ROWS_PER_ENTRY = 20;

function rowsOf(record: CareerRecord): number {
  return 1 + record.jobs.length + (record.promotions?.length ?? 0) + (record.changes?.length ?? 0) + (record.education?.length ?? 0) + (record.aspirations?.length ?? 0);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
