import type { CareerReadModelPort, CareerRecord } from '@trajectory/career/application';
import { CachedCareerReadModel, type CareerInvalidations } from './cached-career-read-model';

/** A read model whose people are at a version, counting reads; `gate` holds a read until released. */
class CountingReadModel implements CareerReadModelPort {
  reads = 0;
  version = 1;
  gate: Promise<void> | undefined;

  async findCareer(tenantId: string, personId: string): Promise<CareerRecord | undefined> {
    this.reads++;
    const version = this.version;
    await this.gate;
    return tenantId === 'acme' ? { person: { personId, givenName: 'Ada', familyName: 'L', hireDate: '2020-01-01', projectedVersion: version }, jobs: [] } : undefined;
  }

  async listPeople(): Promise<{ records: CareerRecord[]; total: number }> {
    return { records: [], total: 0 };
  }
}

class ManualInvalidations implements CareerInvalidations {
  listening = true;
  private listener: ((people: ReadonlySet<string> | 'all') => void) | undefined;
  onInvalidate(listener: (people: ReadonlySet<string> | 'all') => void): void {
    this.listener = listener;
  }
  changed(people: ReadonlySet<string> | 'all'): void {
    this.listener?.(people);
  }
}

const versionOf = (record: CareerRecord | undefined) => record?.person.projectedVersion;

describe('CachedCareerReadModel', () => {
  it('answers a second read from memory, until a notice names the person', async () => {
    const inner = new CountingReadModel();
    const invalidations = new ManualInvalidations();
    const cached = new CachedCareerReadModel(inner, invalidations);
    await cached.findCareer('acme', 'p1');
    expect(versionOf(await cached.findCareer('acme', 'p1'))).toBe(1);
    expect(inner.reads).toBe(1);
    inner.version = 2;
    invalidations.changed(new Set(['p2']));
    expect(versionOf(await cached.findCareer('acme', 'p1'))).toBe(1);
    invalidations.changed(new Set(['p1']));
    expect(versionOf(await cached.findCareer('acme', 'p1'))).toBe(2);
    expect(inner.reads).toBe(2);
  });

  it('answers another tenant from PostgreSQL, never from the entry of the person in the first', async () => {
    const inner = new CountingReadModel();
    const cached = new CachedCareerReadModel(inner, new ManualInvalidations());
    await cached.findCareer('acme', 'p1');
    expect(await cached.findCareer('globex', 'p1')).toBeUndefined();
    expect(inner.reads).toBe(2);
  });

  it('does not keep a read that was in flight when its person changed', async () => {
    const inner = new CountingReadModel();
    const invalidations = new ManualInvalidations();
    const cached = new CachedCareerReadModel(inner, invalidations);
    let release!: () => void;
    inner.gate = new Promise<void>((resolve) => (release = resolve));
    const reading = cached.findCareer('acme', 'p1');
    await new Promise(setImmediate);
    inner.version = 2;
    invalidations.changed(new Set(['p1']));
    release();
    expect(versionOf(await reading)).toBe(1); // answered with what it read …
    inner.gate = undefined;
    expect(versionOf(await cached.findCareer('acme', 'p1'))).toBe(2); // … but not kept
  });

  it('forgets everything on an "all" notice, and stands aside while not listening', async () => {
    const inner = new CountingReadModel();
    const invalidations = new ManualInvalidations();
    const cached = new CachedCareerReadModel(inner, invalidations);
    await cached.findCareer('acme', 'p1');
    inner.version = 3;
    invalidations.changed('all');
    expect(versionOf(await cached.findCareer('acme', 'p1'))).toBe(3);
    invalidations.listening = false;
    await cached.findCareer('acme', 'p1');
    await cached.findCareer('acme', 'p1');
    expect(inner.reads).toBe(4);
  });

  it('hands out frozen records: a timeline cannot change what later reads get', async () => {
    const cached = new CachedCareerReadModel(new CountingReadModel(), new ManualInvalidations());
    const record = await cached.findCareer('acme', 'p1');
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record?.person)).toBe(true);
    expect(Object.isFrozen(record?.jobs)).toBe(true);
  });
});
