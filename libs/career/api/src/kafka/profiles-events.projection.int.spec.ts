import { randomUUID } from 'node:crypto';
import type { ConsumedEvent } from '@trajectory/shared/messaging';
import { eventually } from '@trajectory/shared/testing';
import { createCareerTestContext, TODAY, type CareerTestContext } from '../test-support/career-test-context';
import { consumed, workingLife, type WorkingLife } from '../test-support/working-life.fixture';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, toInclusive: string) => (Date.parse(toInclusive) - Date.parse(from)) / DAY_MS + 1;
/** Recorded one minute apart on New Year's Day 2025: updates and aspirations count from then. */
const timeOf = (version: number) => new Date(Date.parse('2025-01-01T10:00:00Z') + version * 60_000).toISOString();

function messages(tenantId: string, life: WorkingLife): ConsumedEvent[] {
  return life.events.map((event, index) => consumed(tenantId, life.personId, index + 1, event, timeOf(index + 1)));
}

describe('career projection of profiles events (PostgreSQL)', () => {
  let ctx: CareerTestContext;
  const managerId = randomUUID();
  const newManagerId = randomUUID();

  beforeAll(async () => {
    ctx = await createCareerTestContext();
  });

  afterAll(async () => {
    await ctx?.dispose();
  });

  it('turns a whole working life into a timeline', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const life = workingLife({ managerId, newManagerId });
    await ctx.deliver(...messages(tenant, life));

    const timeline = await ctx.queries.timeline(tenant, life.personId);
    expect(timeline).toMatchObject({
      personId: life.personId,
      name: 'Katherine Goble',
      asOf: TODAY,
      status: 'offboarded',
      offboardedOn: '2024-06-30',
      employeeNumber: 'E-100',
      orgUnit: 'Platform',
      managerId: newManagerId,
      currentTitle: null,
      stage: 'senior',
      totalExperienceDays: daysBetween('2010-01-04', '2024-06-30'),
      aspiration: { targetRole: 'CTO', field: 'Engineering', setOn: '2025-01-01' },
      timeInAspirationFieldDays: 730,
      promotionVelocity: { promotions: 3, levelsGained: 4 },
    });
    expect(timeline.jobs.map((j) => [j.title, j.currentTitle, j.field, j.level, j.currentLevel, j.endDate])).toEqual([
      ['Engineer', 'Senior Engineer', null, null, 3, '2015-12-31'],
      ['Engineering Manager', 'Director of Engineering', 'management', 4, 6, '2024-06-30'],
      ['Lecturer', 'Lecturer', 'engineering', 2, 2, '2018-12-31'],
    ]);
    expect(timeline.promotions.map((p) => p.effectiveDate)).toEqual(['2012-01-01', '2014-07-01', '2020-01-01']);
    expect(timeline.education.map((e) => e.title)).toEqual(['MSc Mathematics']);
  });

  it('answers as of a past day with the career as it stood then', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const life = workingLife({ managerId, newManagerId });
    await ctx.deliver(...messages(tenant, life));

    const past = await ctx.queries.timeline(tenant, life.personId, '2013-06-01');
    expect(past).toMatchObject({ status: 'active', currentTitle: 'Engineer II', currentLevel: 2, stage: 'mid', education: [{ title: 'MSc Mathematics' }] });
    expect(past.jobs).toHaveLength(1);
    // The move and the aspiration were recorded in 2025: a day in 2024 predates them.
    const lastYear = await ctx.queries.timeline(tenant, life.personId, '2024-12-31');
    expect(lastYear).toMatchObject({ orgUnit: 'Research', managerId, aspiration: null, timeInAspirationFieldDays: null, status: 'offboarded' });
  });

  it('converges on the same rows whatever the arrival order, with every event delivered twice', async () => {
    const life = workingLife({ managerId, newManagerId });
    const inOrder = `t-${randomUUID().slice(0, 8)}`;
    const scrambled = `t-${randomUUID().slice(0, 8)}`;
    await ctx.deliver(...messages(inOrder, life));
    const shuffled = messages(scrambled, life).reverse();
    await ctx.deliver(...shuffled, ...shuffled.slice().sort(() => Math.random() - 0.5));

    const expected = await ctx.queries.versionedTimeline(inOrder, life.personId);
    expect(expected.version).toBe(life.events.length);
    expect(await ctx.queries.versionedTimeline(scrambled, life.personId)).toEqual(expected);
    for (const asOf of ['2011-01-01', '2017-06-01', '2024-12-31']) {
      expect(await ctx.queries.timeline(scrambled, life.personId, asOf)).toEqual(await ctx.queries.timeline(inOrder, life.personId, asOf));
    }
  });

  it('keeps an older update from overwriting a newer one that arrived first', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const life = workingLife({ managerId, newManagerId });
    const [registered] = messages(tenant, life);
    const update = (version: number, orgUnit: string) =>
      consumed(tenant, life.personId, version, { type: 'PersonUpdated', schemaVersion: 1, data: { personId: life.personId, changes: { orgUnit } } }, timeOf(version));
    await ctx.deliver(update(3, 'Newest'), update(2, 'Older'));
    await expect(ctx.queries.timeline(tenant, life.personId)).rejects.toMatchObject({ code: 'CAREER_NOT_FOUND' });
    await ctx.deliver(registered as ConsumedEvent);
    expect(await ctx.queries.versionedTimeline(tenant, life.personId)).toMatchObject({ timeline: { orgUnit: 'Newest', name: 'Katherine Johnson' }, version: 3 });
  });

  it('folds two changes of one person applied concurrently, the second waiting for the first, without losing either', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const life = workingLife({ managerId, newManagerId });
    const [registered] = messages(tenant, life);
    await ctx.deliver(registered as ConsumedEvent);
    const update = (version: number, changes: Record<string, string>) =>
      consumed(tenant, life.personId, version, { type: 'PersonUpdated', schemaVersion: 1, data: { personId: life.personId, changes } }, timeOf(version));
    const first = await ctx.pool.connect();
    const second = await ctx.pool.connect();
    try {
      await first.query('BEGIN');
      await ctx.deliverIn(first, update(2, { orgUnit: 'Ops' }));
      await second.query('BEGIN');
      const { rows } = await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const applying = ctx.deliverIn(second, update(3, { familyName: 'Goble' }));
      applying.catch(() => undefined); // awaited below; not unhandled if the wait fails first
      // The second change must be held up by the first before the first commits.
      await eventually(async () => {
        const { rows: waiting } = await ctx.pool.query<{ wait_event_type: string | null }>('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [rows[0]?.pid]);
        expect(waiting[0]?.wait_event_type).toBe('Lock');
      });
      await first.query('COMMIT');
      await applying;
      await second.query('COMMIT');
    } finally {
      // Closed, not pooled: after a failure either may still hold a transaction or a lock.
      first.release(true);
      second.release(true);
    }
    // The person row (what GET /people lists and filters by), not only the timeline's own fold.
    const { rows: people } = await ctx.pool.query('SELECT org_unit, family_name, projected_version FROM career_people WHERE tenant_id = $1 AND person_id = $2', [tenant, life.personId]);
    expect(people).toEqual([{ org_unit: 'Ops', family_name: 'Goble', projected_version: 3 }]);
    expect(await ctx.queries.versionedTimeline(tenant, life.personId)).toMatchObject({ timeline: { orgUnit: 'Ops', name: 'Katherine Goble' }, version: 3 });
  });

  it('drops names and email on erasure, keeps the anonymous history, and never takes them back', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const life = workingLife({ managerId, newManagerId, givenName: 'Zebulonia' });
    const all = messages(tenant, life);
    const erased = consumed(tenant, life.personId, all.length + 1, { type: 'PersonErased', schemaVersion: 1, data: { personId: life.personId, erasedAt: '2025-02-01T00:00:00.000Z' } }, timeOf(all.length + 1));
    await ctx.deliver(...all, erased);
    await ctx.deliver(all[0] as ConsumedEvent, all[9] as ConsumedEvent);

    const timeline = await ctx.queries.timeline(tenant, life.personId);
    expect(timeline).toMatchObject({ name: null, status: 'erased', orgUnit: 'Platform', promotionVelocity: { promotions: 3 } });
    expect(timeline.jobs).toHaveLength(3);
    for (const table of ['career_people', 'career_jobs', 'career_person_changes', 'career_promotions', 'career_education', 'career_aspirations']) {
      const { rows } = await ctx.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${table} t WHERE tenant_id = $2 AND t::text ILIKE ANY($1)`,
        [['%Zebulonia%', '%Johnson%', '%Goble%', '%kj@example.com%'], tenant],
      );
      expect([table, Number(rows[0]?.n)]).toEqual([table, 0]);
    }
  });

  it('upcasts a v1 JobStarted and rejects an event without the attributes it is keyed on', async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const life = workingLife({ managerId, newManagerId });
    const [registered, firstJob] = messages(tenant, life) as [ConsumedEvent, ConsumedEvent];
    await ctx.deliver(registered, firstJob);
    expect((await ctx.queries.timeline(tenant, life.personId)).jobs[0]).toMatchObject({ field: null, level: null, current: true });
    await expect(ctx.deliver({ ...firstJob, tenantId: undefined })).rejects.toThrow(/ce_tenantid/);
    await expect(ctx.deliver({ ...firstJob, streamVersion: undefined })).rejects.toThrow(/ce_streamversion/);
  });
});
