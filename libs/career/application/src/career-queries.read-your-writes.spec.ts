import type { CareerChangesPort, CareerChangeWatch } from './career-changes.port';
import { CareerNotCaughtUpError, CareerQueriesService } from './career-queries.service';
import type { CareerReadModelPort } from './career-read-model.port';
import type { CareerRecord } from './career-records';

/** A read model whose person is at `version` (absent at 0), counting reads. */
class VersionedReadModel implements CareerReadModelPort {
  version = 0;
  reads = 0;
  /** Runs during a read, after the row was taken: a change landing between read and wait. */
  duringRead: (() => void) | undefined;

  async findCareer(_tenantId: string, personId: string): Promise<CareerRecord | undefined> {
    this.reads++;
    const version = this.version;
    this.duringRead?.();
    this.duringRead = undefined;
    return version === 0 ? undefined : { person: { personId, givenName: 'Ada', familyName: 'L', hireDate: '2020-01-01', projectedVersion: version }, jobs: [] };
  }

  async listPeople(): Promise<{ records: CareerRecord[]; total: number }> {
    return { records: [], total: 0 };
  }
}

/** Change signals driven by the test: `signal()` wakes every current watch. */
class ManualChanges implements CareerChangesPort {
  private readonly open = new Set<{ changed: boolean; wake?: (changed: boolean) => void }>();

  get watching(): number {
    return this.open.size;
  }

  signal(): void {
    for (const watcher of this.open) {
      watcher.changed = true;
      watcher.wake?.(true);
    }
  }

  watch(): CareerChangeWatch {
    const watcher: { changed: boolean; wake?: (changed: boolean) => void } = { changed: false };
    this.open.add(watcher);
    return {
      changed: (timeoutMs) =>
        new Promise((resolve) => {
          if (watcher.changed) return resolve(true);
          const timer = setTimeout(() => resolve(false), timeoutMs);
          watcher.wake = (changed) => {
            clearTimeout(timer);
            resolve(changed);
          };
        }),
      close: () => void this.open.delete(watcher),
    };
  }
}

const TODAY = () => '2026-01-01';

describe('reading a career at a minimum version (read-your-writes)', () => {
  it('answers at once when the career already reflects the version, without watching', async () => {
    const model = new VersionedReadModel();
    model.version = 3;
    const changes = new ManualChanges();
    const queries = new CareerQueriesService(model, TODAY, { changes, maxWaitMs: 5_000 });
    await expect(queries.versionedTimeline('acme', 'p1', undefined, 2)).resolves.toMatchObject({ version: 3 });
    expect(model.reads).toBe(1);
    expect(changes.watching).toBe(0);
  });

  it('waits for the projection, reading again on each change until the version is there', async () => {
    const model = new VersionedReadModel();
    const changes = new ManualChanges();
    const queries = new CareerQueriesService(model, TODAY, { changes, maxWaitMs: 5_000 });
    const answer = queries.versionedTimeline('acme', 'p1', undefined, 2);
    await new Promise(setImmediate);
    model.version = 1; // registered, but not yet the write the reader made
    changes.signal();
    await new Promise(setImmediate);
    model.version = 2;
    changes.signal();
    await expect(answer).resolves.toMatchObject({ version: 2, timeline: { personId: 'p1' } });
    expect(model.reads).toBe(3);
    expect(changes.watching).toBe(0);
  });

  it('does not miss a change committed between its read and its wait', async () => {
    const model = new VersionedReadModel();
    const changes = new ManualChanges();
    const queries = new CareerQueriesService(model, TODAY, { changes, maxWaitMs: 5_000 });
    model.duringRead = () => {
      model.version = 1;
      changes.signal();
    };
    await expect(queries.versionedTimeline('acme', 'p1', undefined, 1)).resolves.toMatchObject({ version: 1 });
    expect(model.reads).toBe(2);
  });

  it('answers CareerNotCaughtUpError (503, retry after a second) when the wait runs out', async () => {
    const model = new VersionedReadModel();
    model.version = 1;
    const queries = new CareerQueriesService(model, TODAY, { changes: new ManualChanges(), maxWaitMs: 30 });
    const failure = await queries.versionedTimeline('acme', 'p1', undefined, 4).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CareerNotCaughtUpError);
    expect(failure).toMatchObject({ code: 'CAREER_NOT_CAUGHT_UP', kind: 'unavailable', retryAfterSeconds: 1, details: { minVersion: 4, projectedVersion: 1 } });
  });

  it('without a way to wait, answers a missing version at once', async () => {
    const model = new VersionedReadModel();
    const queries = new CareerQueriesService(model, TODAY);
    await expect(queries.versionedTimeline('acme', 'p1', undefined, 1)).rejects.toBeInstanceOf(CareerNotCaughtUpError);
    expect(model.reads).toBe(1);
  });

  it('answers at once, without waiting, once as many reads wait as it allows', async () => {
    const model = new VersionedReadModel();
    const changes = new ManualChanges();
    // A wait longer than the test may take: only the cap can answer the third read in time.
    const queries = new CareerQueriesService(model, TODAY, { changes, maxWaitMs: 60_000, maxWaiting: 2 });
    const waiting = [queries.versionedTimeline('acme', 'p1', undefined, 1), queries.versionedTimeline('acme', 'p1', undefined, 1)];
    await new Promise(setImmediate);
    expect(changes.watching).toBe(2);
    await expect(queries.versionedTimeline('acme', 'p1', undefined, 1)).rejects.toBeInstanceOf(CareerNotCaughtUpError);
    model.version = 1;
    changes.signal();
    await expect(Promise.all(waiting)).resolves.toHaveLength(2);
    // Room again: the next read waits as usual.
    model.version = 0;
    const next = queries.versionedTimeline('acme', 'p2', undefined, 1);
    await new Promise(setImmediate);
    model.version = 1;
    changes.signal();
    await expect(next).resolves.toMatchObject({ version: 1 });
  });
});
