import { randomUUID } from 'node:crypto';
import { createCareerTestContext, type CareerTestContext } from '../test-support/career-test-context';
import { consumed, type LifeEvent } from '../test-support/working-life.fixture';

const at = '2025-01-01T00:00:00.000Z';

describe('GET /people from the career read model (PostgreSQL)', () => {
  let ctx: CareerTestContext;
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const managerId = randomUUID();
  const ids = Array.from({ length: 4 }, () => randomUUID()).sort();

  function register(personId: string, givenName: string, orgUnit: string, manager: string | null): LifeEvent {
    return {
      type: 'PersonRegistered',
      schemaVersion: 2,
      data: { personId, givenName, familyName: 'Doe', email: `${givenName}@example.com`, hireDate: '2015-01-01', employeeNumber: null, orgUnit, managerId: manager },
    };
  }

  beforeAll(async () => {
    ctx = await createCareerTestContext();
    const [a, b, c, d] = ids as [string, string, string, string];
    const job = (personId: string, title: string, startDate: string): LifeEvent => ({
      type: 'JobStarted',
      schemaVersion: 2,
      data: { personId, jobId: randomUUID(), title, employer: 'Acme', employmentType: 'full-time', startDate, field: 'engineering', level: 2 },
    });
    await ctx.deliver(
      consumed(tenant, a, 1, register(a, 'Ann', 'Platform', managerId), at),
      consumed(tenant, a, 2, job(a, 'Staff Engineer', '2015-01-01'), at),
      consumed(tenant, b, 1, register(b, 'Bob', 'Platform', managerId), at),
      consumed(tenant, b, 2, job(b, 'Engineer', '2024-01-01'), at),
      consumed(tenant, c, 1, register(c, 'Cyd', 'Sales', randomUUID()), at),
      consumed(tenant, c, 2, { type: 'PersonErased', schemaVersion: 1, data: { personId: c, erasedAt: at } }, at),
      // Only a job so far: not registered, not listed.
      consumed(tenant, d, 2, job(d, 'Ghost', '2020-01-01'), at),
      consumed(`${tenant}-other`, randomUUID(), 1, register(randomUUID(), 'Eve', 'Platform', managerId), at),
    );
  });

  afterAll(async () => {
    await ctx?.dispose();
  });

  it('pages registered people of the tenant by id with their current title and stage', async () => {
    const first = await ctx.queries.people(tenant, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.items.map((p) => p.personId)).toEqual([ids[0], ids[1]]);
    const second = await ctx.queries.people(tenant, { page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
    const everyone = [...first.items, ...second.items];
    expect(everyone.find((p) => p.personId === ids[0])).toEqual({
      personId: ids[0], name: 'Ann Doe', orgUnit: 'Platform', managerId, status: 'active', currentTitle: 'Staff Engineer', stage: 'senior',
    });
    expect(everyone.find((p) => p.personId === ids[1])).toMatchObject({ currentTitle: 'Engineer', stage: 'early' });
    expect(everyone.find((p) => p.personId === ids[2])).toMatchObject({ name: null, status: 'erased', orgUnit: 'Sales' });
  });

  it('filters by org unit and by manager (direct reports)', async () => {
    const platform = await ctx.queries.people(tenant, { page: 1, pageSize: 50, orgUnit: 'Platform' });
    expect(platform.items.map((p) => p.personId)).toEqual([ids[0], ids[1]]);
    const reports = await ctx.queries.people(tenant, { page: 1, pageSize: 50, managerId });
    expect(reports).toMatchObject({ total: 2, items: [{ personId: ids[0] }, { personId: ids[1] }] });
    expect((await ctx.queries.people(tenant, { page: 1, pageSize: 50, managerId: randomUUID() })).total).toBe(0);
  });

  it('answers an empty page past the end', async () => {
    expect(await ctx.queries.people(tenant, { page: 9, pageSize: 2 })).toEqual({ items: [], page: 9, pageSize: 2, total: 3 });
  });
});
