import { randomUUID } from 'node:crypto';
import { CareerQueriesService } from '@trajectory/career/application';
import { CareerRebuild, PostgresCareerReadModel, profilesEventSource, type RebuildProgress } from '@trajectory/career/infrastructure';
import { personStreamId } from '@trajectory/contracts/profiles';
import type { GlobalCheckpoint } from '@trajectory/shared/event-store';
import { eventually } from '@trajectory/shared/testing';
import { createCareerTestContext, TODAY, type CareerTestContext } from '../test-support/career-test-context';
import { createProfilesStoreFixture, type ProfilesStoreFixture } from '../test-support/profiles-store.fixture';
import { workingLife, type WorkingLife } from '../test-support/working-life.fixture';

/** Updates count from the day they were recorded, which is today here: ask about a day after it. */
const FAR_FUTURE = '2099-12-31';
const AS_OF = [undefined, '2011-03-01', '2013-06-01', '2016-02-01', '2017-06-30', '2020-01-01', '2024-06-30', new Date().toISOString().slice(0, 10), FAR_FUTURE];

describe('career:rebuild from the profiles event store (PostgreSQL)', () => {
  let career: CareerTestContext;
  let profiles: ProfilesStoreFixture;
  let checkpoint: GlobalCheckpoint | null = null;
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const lives: WorkingLife[] = [];

  /**
   * The live path: what the relay publishes, through the consumer's handlers. Polls: the
   * store's gap-safe log holds events back while any older transaction on the server is open.
   */
  async function deliverPublished(expected: number): Promise<void> {
    const published = await eventually(async () => {
      const next = await profiles.published(checkpoint);
      expect(next.events).toHaveLength(expected);
      return next;
    });
    await career.deliver(...published.events);
    checkpoint = published.checkpoint;
  }

  const indexNames = async () =>
    (await career.pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'career_%' ORDER BY 1`)).rows.map((r) => r.name);

  beforeAll(async () => {
    [career, profiles] = await Promise.all([createCareerTestContext(), createProfilesStoreFixture()]);
    const manager = randomUUID();
    for (const givenName of ['Katherine', 'Dorothy', 'Mary']) {
      const life = workingLife({ managerId: manager, newManagerId: randomUUID(), givenName });
      lives.push(life);
      await profiles.append(tenant, life.personId, life.events);
    }
    await deliverPublished(lives.length * (lives[0] as WorkingLife).events.length);
    // Mary is erased after her history was published with her name in it.
    const mary = lives[2] as WorkingLife;
    await profiles.append(tenant, mary.personId, [{ type: 'PersonErased', schemaVersion: 1, data: { personId: mary.personId, erasedAt: new Date().toISOString() } }]);
    await profiles.store.eraseSubject(mary.personId);
    await deliverPublished(1);
  });

  afterAll(async () => {
    await Promise.all([career?.dispose(), profiles?.dispose()]);
  });

  it('rebuilds tables that give the same timelines as the live projection, as of any day, then switches them in', async () => {
    const indexesBefore = await indexNames();
    const progress: RebuildProgress[] = [];
    const result = await new CareerRebuild({ careerPool: career.pool, source: profilesEventSource(profiles.pool), batchSize: 7, keepRetired: true, onProgress: (p) => progress.push(p) }).run();

    const stored = Number((await profiles.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]?.n);
    expect(result.eventsRead).toBe(stored);
    expect(progress[0]).toEqual({ read: 0, total: stored, phase: 'replaying' });
    expect(progress[progress.length - 1]).toEqual({ read: stored, total: stored, phase: 'done' });
    expect(await indexNames()).toEqual(indexesBefore);

    const formerLive = new CareerQueriesService(new PostgresCareerReadModel(career.pool, result.retiredSchema), () => TODAY);
    for (const life of lives) {
      for (const asOf of AS_OF) {
        const rebuilt = await career.queries.versionedTimeline(tenant, life.personId, asOf);
        expect(rebuilt).toEqual(await formerLive.versionedTimeline(tenant, life.personId, asOf));
      }
    }
    expect(await career.queries.timeline(tenant, (lives[0] as WorkingLife).personId, FAR_FUTURE)).toMatchObject({ name: 'Katherine Goble', orgUnit: 'Platform', aspiration: { targetRole: 'CTO' } });
    expect(await career.queries.timeline(tenant, (lives[2] as WorkingLife).personId, FAR_FUTURE)).toMatchObject({ name: null, status: 'erased', promotionVelocity: { promotions: 3 } });
    const page = await career.queries.people(tenant, { page: 1, pageSize: 10 });
    expect(page).toEqual(await formerLive.people(tenant, { page: 1, pageSize: 10 }));
    for (const table of ['career_people', 'career_person_changes']) {
      const { rows } = await career.pool.query(`SELECT 1 FROM ${table} t WHERE person_id = $1 AND t::text ILIKE ANY($2)`, [(lives[2] as WorkingLife).personId, ['%Mary%', '%Goble%', '%kj@example.com%']]);
      expect(rows).toEqual([]);
    }
  });

  it('keeps serving while it runs and brings in events the live consumer projected just before the switch', async () => {
    const katherine = lives[0] as WorkingLife;
    // A consumer transaction that has started writing: the switch must wait for it, not deadlock with it.
    const consumer = await career.pool.connect();
    await consumer.query('BEGIN');
    await consumer.query('LOCK TABLE career_people IN ROW EXCLUSIVE MODE');
    const phases: string[] = [];
    const rebuilding = new CareerRebuild({ careerPool: career.pool, source: profilesEventSource(profiles.pool), onProgress: (p) => phases.push(p.phase) }).run();
    let committed = false;
    try {
      await eventually(() => expect(phases).toContain('switching'));
      expect((await career.queries.timeline(tenant, katherine.personId, FAR_FUTURE)).orgUnit).toBe('Platform');
      await profiles.append(tenant, katherine.personId, [{ type: 'PersonUpdated', schemaVersion: 1, data: { personId: katherine.personId, changes: { orgUnit: 'Moonshots' } } }]);
      const { events } = await eventually(async () => {
        const next = await profiles.published(checkpoint);
        expect(next.events).toHaveLength(1);
        return next;
      });
      await career.deliverIn(consumer, events[0] as (typeof events)[number]);
      await consumer.query('COMMIT');
      committed = true;
    } finally {
      if (!committed) await consumer.query('ROLLBACK');
      consumer.release();
      if (!committed) await rebuilding.catch(() => undefined);
    }
    await rebuilding;
    expect(phases[phases.length - 1]).toBe('done');
    expect((await career.queries.timeline(tenant, katherine.personId, FAR_FUTURE)).orgUnit).toBe('Moonshots');
    const head = await profiles.store.readStream(personStreamId(katherine.personId));
    expect(head.currentVersion).toBe(katherine.events.length + 1);
  });
});
