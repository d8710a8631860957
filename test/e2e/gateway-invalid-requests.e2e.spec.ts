import { randomUUID } from 'node:crypto';
import { callGateway, field, profilesEventCount } from '../support/public-api';
import { FIRST_JOB, personBody } from '../support/gateway-routes';
import { invalidRequests, type InvalidCase } from '../support/invalid-requests';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';

// Ids are fixed before the system starts so the table can be built when jest collects tests.
const personId = randomUUID();
const jobId = randomUUID();
const table = invalidRequests(personId, jobId);

describe('invalid requests through the gateway: a 4xx problem+json, never a 5xx, and nothing stored', () => {
  let system: RunningSystem;
  let hrAdmin: string;
  let etagBefore: string | null;

  beforeAll(async () => {
    system = await startSystem();
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    hrAdmin = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'] });
    expect((await callGateway(system, 'POST', '/people', { token: hrAdmin, body: personBody('Ivy', { personId }) })).status).toBe(201);
    expect((await callGateway(system, 'POST', `/people/${personId}/jobs`, { token: hrAdmin, body: { ...FIRST_JOB, jobId } })).status).toBe(201);
    etagBefore = (await callGateway(system, 'GET', `/people/${personId}`, { token: hrAdmin })).headers.get('etag');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('covers every route with a body for each kind of bad input', () => {
    const kinds = (route: string) => new Set(table.filter((c) => c.route === route).map((c) => c.label.replace(/ \(.*\)$/, '')));
    for (const route of ['POST /people', 'POST /people/:id/jobs', 'POST /people/:id/promotions', 'POST /people/:id/education', 'PUT /people/:id/aspiration']) {
      expect([...kinds(route)]).toEqual(expect.arrayContaining(['missing', 'wrong type', 'out of range', 'unknown field', 'malformed JSON', 'oversized body']));
    }
  });

  it.each(table)('$route, $label → $status', async (invalid: InvalidCase) => {
    const before = await profilesEventCount(system);
    const reply = await callGateway(system, invalid.method, invalid.path, {
      token: hrAdmin,
      ...(invalid.body === undefined ? {} : { body: invalid.body }),
      ...(invalid.headers === undefined ? {} : { headers: invalid.headers }),
    });
    const statuses = Array.isArray(invalid.status) ? invalid.status : [invalid.status];
    if (!statuses.includes(reply.status)) throw new Error(`answered ${reply.status}, not ${statuses.join(' or ')}: ${JSON.stringify(reply.body)}`);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: reply.status, code: expect.any(String) as unknown, type: expect.any(String) as unknown });
    if (invalid.field !== undefined) {
      expect(field<Array<{ field: string }>>(reply, 'errors').map((e) => e.field)).toContain(invalid.field);
    }
    expect(await profilesEventCount(system)).toBe(before);
  });

  it('left the person as it was', async () => {
    const person = await callGateway(system, 'GET', `/people/${personId}`, { token: hrAdmin });
    expect(person.headers.get('etag')).toBe(etagBefore);
    expect(field<unknown[]>(person, 'jobs')).toHaveLength(1);
  });
});
