import { randomUUID } from 'node:crypto';
import { eventually } from '@trajectory/shared/testing';
import { undocumentedDifferences } from '../support/documented-shape';
import { callGateway, field, type Reply } from '../support/public-api';
import { FIRST_JOB, PERSON_ROUTES, personBody, type RouteGroup, type RouteTarget } from '../support/gateway-routes';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';

type Role = 'hr-admin' | 'manager' | 'employee' | 'analyst' | 'mentor';
/** How the target stands to the caller: their own record, a direct report, someone else in the tenant, or another tenant's person. */
type Relation = 'fresh' | 'self' | 'report' | 'other' | 'other-tenant';
type Outcome = 'ok' | 403 | 404;

/**
 * The expected answer for each role, relation and kind of route: [reads, self-service writes,
 * HR writes]. 'ok' is the route's success status. hr-admin's targets are fresh people of its
 * own tenant, so that each write succeeds on a person no other cell has changed.
 */
const EXPECTED: Record<Role, Partial<Record<Relation, [Outcome, Outcome, Outcome]>>> = {
  'hr-admin': { fresh: ['ok', 'ok', 'ok'], 'other-tenant': [404, 404, 404] },
  manager: { self: ['ok', 'ok', 403], report: ['ok', 403, 403], other: [404, 404, 403], 'other-tenant': [404, 404, 403] },
  employee: { self: ['ok', 'ok', 403], other: [404, 404, 403], 'other-tenant': [404, 404, 403] },
  analyst: { self: [403, 403, 403], other: [403, 403, 403], 'other-tenant': [403, 403, 403] },
  mentor: { self: [403, 403, 403], other: [403, 403, 403], 'other-tenant': [403, 403, 403] },
};
const GROUP_INDEX: Record<RouteGroup, number> = { read: 0, 'self-write': 1, 'hr-write': 2 };

const cells = PERSON_ROUTES.flatMap((route) =>
  (Object.keys(EXPECTED) as Role[]).flatMap((role) =>
    Object.entries(EXPECTED[role]).map(([relation, outcomes]) => ({ route, role, relation: relation as Relation, outcome: outcomes[GROUP_INDEX[route.group]] })),
  ),
);

describe('who may do what: every person route × every role × own or other tenant', () => {
  let system: RunningSystem;
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const otherTenant = `${tenant}-other`;
  const tokens = {} as Record<Role, string>;
  const targets = {} as Record<Exclude<Relation, 'fresh'>, RouteTarget>;
  const fresh = new Map<string, RouteTarget>();
  let hrAdmin: string;

  async function register(token: string, name: string, extra: Record<string, unknown> = {}, withJob = true): Promise<RouteTarget> {
    const person = await callGateway(system, 'POST', '/people', { token, body: personBody(name, extra) });
    expect(person.status).toBe(201);
    const personId = field<string>(person, 'personId');
    if (!withJob) return { personId, jobId: randomUUID() };
    const job = await callGateway(system, 'POST', `/people/${personId}/jobs`, { token, body: FIRST_JOB });
    expect(job.status).toBe(201);
    return { personId, jobId: field<string>(job, 'jobId') };
  }

  beforeAll(async () => {
    system = await startSystem();
    hrAdmin = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'], sub: 'matrix-hr' });
    const strangerAdmin = await signToken(system.jwtSecret, { tenant: otherTenant, roles: ['hr-admin'] });
    targets.self = await register(hrAdmin, 'Manon');
    targets.report = await register(hrAdmin, 'Rita', { managerId: targets.self.personId });
    targets.other = await register(hrAdmin, 'Otto');
    targets['other-tenant'] = await register(strangerAdmin, 'Xavier');
    for (const route of PERSON_ROUTES) fresh.set(route.name, await register(hrAdmin, 'Fresh', {}, route.jobless !== true));
    const manager = targets.self.personId;
    tokens['hr-admin'] = hrAdmin;
    tokens.manager = await signToken(system.jwtSecret, { tenant, roles: ['manager'], personId: manager, sub: 'matrix-manager' });
    tokens.employee = await signToken(system.jwtSecret, { tenant, roles: ['employee'], personId: targets.report.personId, sub: 'matrix-employee' });
    tokens.analyst = await signToken(system.jwtSecret, { tenant, roles: ['analyst'], personId: manager, sub: 'matrix-analyst' });
    tokens.mentor = await signToken(system.jwtSecret, { tenant, roles: ['mentor'], personId: manager, sub: 'matrix-mentor' });
    // Career reads and the manager's view of their reports come from the read side: wait until it has everyone.
    await eventually(
      async () => {
        const list = await callGateway(system, 'GET', `/people?managerId=${manager}`, { token: hrAdmin });
        expect(field<Array<{ personId: string }>>(list, 'items').map((p) => p.personId)).toEqual([targets.report.personId]);
        for (const target of [targets.self, targets.report, fresh.get('GET /people/:id/career')]) {
          expect((await callGateway(system, 'GET', `/people/${target?.personId}/career`, { token: hrAdmin })).status).toBe(200);
        }
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  function targetOf(role: Role, relation: Relation, routeName: string): RouteTarget {
    if (relation === 'fresh') return fresh.get(routeName) as RouteTarget;
    // The employee's own record is the manager's direct report: an employee token never sees its manager's view.
    if (role === 'employee' && relation === 'self') return targets.report;
    return targets[relation];
  }

  it.each(cells)('$route.name as $role on $relation → $outcome', async ({ route, role, relation, outcome }) => {
    const target = targetOf(role, relation, route.name);
    const reply: Reply = await callGateway(system, route.method, route.path(target), { token: tokens[role], ...(route.body === undefined ? {} : { body: route.body }) });
    const expected = outcome === 'ok' ? route.success.status : outcome;
    // The body is in the comparison so that a failure shows what the gateway answered.
    expect({ status: reply.status, body: reply.body }).toMatchObject({ status: expected });
    if (outcome === 'ok') {
      if (route.success.etag) expect(reply.headers.get('etag')).toMatch(/^"\d+"$/);
      if (route.success.location) expect(reply.headers.get('location')).toMatch(new RegExp(`^/people/${target.personId}`));
    } else {
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers a hidden person exactly like one that does not exist', async () => {
    const hidden = await callGateway(system, 'GET', `/people/${targets.other.personId}`, { token: tokens.employee });
    const missing = await callGateway(system, 'GET', `/people/${randomUUID()}`, { token: tokens.employee });
    const strip = (reply: Reply) => ({ ...(reply.body as Record<string, unknown>), instance: undefined, requestId: undefined });
    expect([hidden.status, strip(hidden)]).toEqual([missing.status, strip(missing)]);
  });

  it('answers with the shapes docs/api/openapi.json documents', async () => {
    const checked: Array<[string, string, Reply]> = [];
    const send = async (method: string, documented: string, path: string, body?: Record<string, unknown>) => {
      const reply = await callGateway(system, method, path, { token: hrAdmin, ...(body === undefined ? {} : { body }) });
      checked.push([method, documented, reply]);
      return reply;
    };
    const registered = await send('POST', '/people', '/people', personBody('Dora', { managerId: targets.other.personId, orgUnit: 'R&D', employeeNumber: 'E-7' }));
    const id = field<string>(registered, 'personId');
    await send('POST', '/people/{personId}/jobs', `/people/${id}/jobs`, FIRST_JOB);
    await send('POST', '/people/{personId}/promotions', `/people/${id}/promotions`, { newTitle: 'Senior Engineer', newLevel: 3, effectiveDate: '2022-01-03' });
    await send('POST', '/people/{personId}/education', `/people/${id}/education`, { kind: 'degree', title: 'BSc', field: 'engineering', institution: 'TU Delft', completedOn: '2019-06-30' });
    await send('PUT', '/people/{personId}/aspiration', `/people/${id}/aspiration`, { targetRole: 'Staff Engineer', field: 'engineering', targetLevel: 5, targetDate: '2028-01-01' });
    await send('GET', '/people/{personId}', `/people/${id}`);
    await eventually(async () => {
      const career = await callGateway(system, 'GET', `/people/${id}/career`, { token: hrAdmin });
      expect([career.status, field<unknown[]>(career, 'promotions')?.length, field<unknown>(career, 'aspiration')]).toEqual([200, 1, expect.anything()]);
      checked.push(['GET', '/people/{personId}/career', career]);
    });
    await send('GET', '/people', `/people?managerId=${targets.other.personId}`);
    for (const [method, path, reply] of checked) expect([method, path, undocumentedDifferences(path, method, reply.status, reply.body)]).toEqual([method, path, []]);
  });

  it.each([
    ['hr-admin', 201],
    ['manager', 403],
    ['employee', 403],
    ['analyst', 403],
    ['mentor', 403],
  ] as const)('POST /people as %s → %s, always in the caller\'s own tenant', async (role, status) => {
    const reply = await callGateway(system, 'POST', '/people', { token: tokens[role], body: personBody('Newcomer') });
    expect(reply.status).toBe(status);
    if (status === 201) expect(reply.headers.get('location')).toBe(`/people/${field<string>(reply, 'personId')}`);
  });

  it.each([
    ['hr-admin', 200],
    ['manager', 200],
    ['employee', 403],
    ['analyst', 403],
    ['mentor', 403],
  ] as const)('GET /people as %s → %s, never showing another tenant', async (role, status) => {
    // A manager's list is their direct reports whatever filter they send.
    const query = role === 'manager' ? `?managerId=${targets.other.personId}` : '?pageSize=200';
    // The list is the read side's: polled until it has caught up with the registrations.
    await eventually(async () => {
      const reply = await callGateway(system, 'GET', `/people${query}`, { token: tokens[role] });
      expect(reply.status).toBe(status);
      if (status !== 200) return;
      const ids = field<Array<{ personId: string }>>(reply, 'items').map((p) => p.personId);
      expect(ids).not.toContain(targets['other-tenant'].personId);
      if (role === 'manager') expect(ids).toEqual([targets.report.personId]);
      else expect(ids).toEqual(expect.arrayContaining([targets.self.personId, targets.report.personId, targets.other.personId]));
    });
  });
});
