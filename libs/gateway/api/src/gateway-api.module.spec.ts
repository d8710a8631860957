import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureHttpApp, PrebuiltPrototypesExpressAdapter } from '@trajectory/shared/platform';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import request from 'supertest';
import { GatewayApiModule } from './gateway-api.module';
import { UpstreamStub, type RecordedCall, type StubReply } from './testing/upstream.stub';

const secret = 'a-gateway-test-secret-of-32-characters-at-least';
const token = (claims: { roles: string[]; personId?: string; tenant?: string }, sub = 'user-1') =>
  new SignJWT({ tenant: 'acme', ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(new TextEncoder().encode(secret));

const manager = randomUUID();
const reports = Array.from({ length: 250 }, () => randomUUID());
const stranger = randomUUID();

function careerReply(call: RecordedCall): StubReply {
  const url = new URL(call.url, 'http://career');
  if (url.pathname === '/people' && url.searchParams.get('managerId') === manager) {
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('pageSize'));
    const items = reports.slice((page - 1) * size, page * size).map((personId) => ({ personId, name: null, orgUnit: null, managerId: manager }));
    return { status: 200, body: { items, page, pageSize: size, total: reports.length } };
  }
  // The career service's answer to a read-your-writes read it could not satisfy in time.
  if (Number(url.searchParams.get('minVersion')) > 7) {
    return { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' }, body: { status: 503, code: 'CAREER_NOT_CAUGHT_UP' } };
  }
  return { status: 200, headers: { etag: '"7"' }, body: { from: 'career', url: call.url } };
}
const profilesReply = (call: RecordedCall): StubReply => ({
  status: call.method === 'POST' ? 201 : 200,
  headers: { etag: '"4"', location: '/people/x', 'x-internal': 'secret' },
  body: { from: 'profiles', url: call.url },
});

async function startGateway(rateLimit = { ratePerSecond: 1000, burst: 1000 }) {
  const profiles = new UpstreamStub(profilesReply);
  const career = new UpstreamStub(careerReply);
  const upstreams = { profiles: await profiles.start(), career: await career.start() };
  const moduleRef = await Test.createTestingModule({ imports: [GatewayApiModule.forRoot({ upstreams, jwtSecret: secret, rateLimit })] }).compile();
  const app = configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>(new PrebuiltPrototypesExpressAdapter(), { bodyParser: false, logger: false }));
  await app.init();
  return { app, profiles, career, close: async () => Promise.all([app.close(), profiles.stop(), career.stop()]) };
}

describe('the public API (gateway, against stub services)', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let http: () => ReturnType<typeof request>;
  beforeAll(async () => {
    gateway = await startGateway();
    const app: INestApplication = gateway.app;
    http = () => request(app.getHttpServer());
  });
  afterAll(() => gateway.close());

  it('requires a valid bearer token', async () => {
    await http().get(`/people/${stranger}`).expect(401).expect('content-type', /problem\+json/);
    await http().get(`/people/${stranger}`).set('authorization', 'Bearer nope').expect(401);
  });

  it('forwards a command with the tenant, the actor and If-Match, and relays status, ETag and Location only', async () => {
    const res = await http()
      .post('/people')
      .set('authorization', `Bearer ${await token({ roles: ['hr-admin'] }, 'hr-1')}`)
      .set('if-match', '"3"')
      .send({ givenName: 'Ada' })
      .expect(201);
    expect(res.headers).toMatchObject({ etag: '"4"', location: '/people/x' });
    expect(res.headers['x-internal']).toBeUndefined();
    const call = gateway.profiles.calls.at(-1);
    expect(call).toMatchObject({ method: 'POST', url: '/people', body: '{"givenName":"Ada"}' });
    expect(call?.headers).toMatchObject({ 'x-tenant-id': 'acme', 'x-actor-id': 'hr-1', 'if-match': '"3"' });
  });

  it.each([
    ['a body that is not JSON', (r: request.Test) => r.set('content-type', 'text/plain').send('hello'), 415],
    ['no body', (r: request.Test) => r, 400],
    ['a JSON array', (r: request.Test) => r.send([1]), 400],
    ['malformed JSON', (r: request.Test) => r.set('content-type', 'application/json').send('{"givenName": '), 400],
    ['a body over 100 kB', (r: request.Test) => r.send({ givenName: 'x'.repeat(110_000) }), 413],
  ])('refuses %s before any service sees it', async (_name, shape, status) => {
    const before = gateway.profiles.calls.length;
    const res = await shape(http().post('/people').set('authorization', `Bearer ${await token({ roles: ['hr-admin'] })}`)).expect(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(gateway.profiles.calls.length).toBe(before);
  });

  it('names a malformed path id in the field errors', async () => {
    const hr = `Bearer ${await token({ roles: ['hr-admin'] })}`;
    const person = await http().get('/people/not-a-uuid').set('authorization', hr).expect(400);
    expect(person.body.errors).toEqual([{ field: 'personId', message: 'personId must be a UUID (version 4)' }]);
    const job = await http().post(`/people/${stranger}/jobs/42/end`).set('authorization', hr).send({ endDate: '2020-01-01' }).expect(400);
    expect(job.body.errors).toEqual([{ field: 'jobId', message: 'jobId must be a UUID' }]);
  });

  it('lets employees read themselves and record their own education, nothing of anyone else', async () => {
    const self = randomUUID();
    const employee = `Bearer ${await token({ roles: ['employee'], personId: self })}`;
    await http().get(`/people/${self}/career?asOf=2020-01-01`).set('authorization', employee).expect(200, { from: 'career', url: `/people/${self}/career?asOf=2020-01-01` });
    await http().post(`/people/${self}/education`).set('authorization', employee).send({ kind: 'degree' }).expect(201);
    await http().post(`/people/${self}/jobs`).set('authorization', employee).send({}).expect(403);
    const hidden = await http().get(`/people/${stranger}`).set('authorization', employee).expect(404);
    expect(hidden.body).toMatchObject({ code: 'PERSON_NOT_FOUND', detail: 'No such person.' });
    await http().put(`/people/${stranger}/aspiration`).set('authorization', employee).send({}).expect(404);
    expect(gateway.profiles.callsTo(`/people/${stranger}`)).toEqual([]);
  });

  it('lets managers read their direct reports (found on any page) and list only them', async () => {
    const mgr = `Bearer ${await token({ roles: ['manager'], personId: manager })}`;
    const lastReport = reports.at(-1) ?? '';
    await http().get(`/people/${lastReport}`).set('authorization', mgr).expect(200);
    await http().get(`/people/${lastReport}/career`).set('authorization', mgr).expect(200);
    await http().post(`/people/${lastReport}/education`).set('authorization', mgr).send({}).expect(403);
    await http().post(`/people/${lastReport}/promotions`).set('authorization', mgr).send({}).expect(403);
    await http().get(`/people/${stranger}`).set('authorization', mgr).expect(404);
    await http().get(`/people?managerId=${stranger}&orgUnit=R%26D`).set('authorization', mgr).expect(200);
    const forwarded = new URL(gateway.career.calls.at(-1)?.url ?? '', 'http://career').searchParams;
    expect([forwarded.get('managerId'), forwarded.get('orgUnit')]).toEqual([manager, 'R&D']);
    const lookups = gateway.career.calls.filter((call) => call.url.includes(`managerId=${manager}&page=`));
    expect(lookups.length).toBe(2); // two pages, then served from the short cache
  });

  it('confirms an unchanged career with 304 only for an explicit asOf: without one the timeline moves on with the calendar', async () => {
    const hr = `Bearer ${await token({ roles: ['hr-admin'] })}`;
    const dated = await http().get(`/people/${stranger}/career?asOf=2020-01-01`).set('authorization', hr).expect(200);
    expect(dated.headers['etag']).toBe('"7"');
    await http().get(`/people/${stranger}/career?asOf=2020-01-01`).set('authorization', hr).set('if-none-match', '"7"').expect(304);
    const today = await http().get(`/people/${stranger}/career`).set('authorization', hr).set('if-none-match', '"7"').expect(200);
    expect(today.headers['etag']).toBe('"7"');
    expect(today.body).toMatchObject({ from: 'career' });
  });

  it('passes minVersion on to the career service and its 503 with Retry-After back', async () => {
    const hr = `Bearer ${await token({ roles: ['hr-admin'] })}`;
    const caughtUp = await http().get(`/people/${stranger}/career?minVersion=7`).set('authorization', hr).expect(200);
    expect(caughtUp.body).toEqual({ from: 'career', url: `/people/${stranger}/career?minVersion=7` });
    const behind = await http().get(`/people/${stranger}/career?minVersion=8`).set('authorization', hr).expect(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.headers['content-type']).toContain('application/problem+json');
    expect(behind.body).toMatchObject({ code: 'CAREER_NOT_CAUGHT_UP' });
  });

  it('passes an hr-admin list query on untouched for the service to validate', async () => {
    const res = await http().get('/people?pageSize=abc&colour=blue').set('authorization', `Bearer ${await token({ roles: ['hr-admin'] })}`).expect(200);
    expect(res.body.url).toBe('/people?pageSize=abc&colour=blue');
  });

  it.each([['analyst'], ['mentor']])('gives %s no individual records and no list', async (role) => {
    const auth = `Bearer ${await token({ roles: [role], personId: stranger })}`;
    await http().get(`/people/${stranger}`).set('authorization', auth).expect(403);
    await http().get(`/people/${stranger}/career`).set('authorization', auth).expect(403);
    await http().get('/people').set('authorization', auth).expect(403);
    await http().post('/people').set('authorization', auth).send({}).expect(403);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After once a token has used its burst, per subject and tenant', async () => {
    const gateway = await startGateway({ ratePerSecond: 0.5, burst: 3 });
    try {
      const server = gateway.app.getHttpServer();
      const alice = `Bearer ${await token({ roles: ['hr-admin'] }, 'alice')}`;
      for (let i = 0; i < 3; i++) await request(server).get(`/people/${stranger}`).set('authorization', alice).expect(200);
      const limited = await request(server).get(`/people/${stranger}`).set('authorization', alice).expect(429);
      expect(limited.headers['retry-after']).toBe('2');
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      await request(server).get(`/people/${stranger}`).set('authorization', `Bearer ${await token({ roles: ['hr-admin'] }, 'bob')}`).expect(200);
      await request(server).get(`/people/${stranger}`).set('authorization', `Bearer ${await token({ roles: ['hr-admin'], tenant: 'globex' }, 'alice')}`).expect(200);
    } finally {
      await gateway.close();
    }
  });
});
