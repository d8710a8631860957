import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { CareerQueriesService } from '@trajectory/career/application';
import { configureHttpApp, PrebuiltPrototypesExpressAdapter } from '@trajectory/shared/platform';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createCareerTestContext, READ_WAIT_MS, type CareerTestContext } from '../test-support/career-test-context';
import { consumed, workingLife } from '../test-support/working-life.fixture';
import { CareerHttpController } from './career.http.controller';

describe('career HTTP routes (PostgreSQL, production pipeline)', () => {
  let ctx: CareerTestContext;
  let app: NestExpressApplication;
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const managerId = randomUUID();
  const life = workingLife({ managerId, newManagerId: managerId });

  beforeAll(async () => {
    ctx = await createCareerTestContext();
    await ctx.deliver(...life.events.map((event, i) => consumed(tenant, life.personId, i + 1, event, '2025-01-01T00:00:00.000Z')));
    const moduleRef = await Test.createTestingModule({
      controllers: [CareerHttpController],
      providers: [{ provide: CareerQueriesService, useValue: ctx.queries }],
    }).compile();
    app = configureHttpApp(moduleRef.createNestApplication<NestExpressApplication>(new PrebuiltPrototypesExpressAdapter(), { bodyParser: false, logger: false }));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await ctx?.dispose();
  });

  /** `null` sends no tenant header at all. */
  const get = (path: string, tenantId: string | null = tenant) => {
    const call = request(app.getHttpServer()).get(path);
    return tenantId === null ? call : call.set('x-tenant-id', tenantId);
  };

  it('answers a career and a people page', async () => {
    const career = await get(`/people/${life.personId}/career?asOf=2016-06-01`).expect(200);
    expect(career.body).toMatchObject({ personId: life.personId, asOf: '2016-06-01', currentTitle: 'Engineering Manager', stage: 'mid', status: 'active' });
    // The ETag is the newest stream version applied: the last of the person's events.
    expect(career.headers['etag']).toBe(`"${life.events.length}"`);
    const page = await get(`/people?managerId=${managerId}&page=1&pageSize=10`).expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 10, total: 1, items: [{ personId: life.personId, orgUnit: 'Platform', stage: 'senior' }] });
    expect((await get('/people?orgUnit=Nowhere').expect(200)).body).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
  });

  it.each([
    ['/people?pageSize=201', 'pageSize'],
    ['/people?pageSize=0', 'pageSize'],
    ['/people?page=0', 'page'],
    ['/people?page=two', 'page'],
    ['/people?managerId=boss', 'managerId'],
    ['/people?colour=blue', 'colour'],
    [`/people/${randomUUID()}/career?asOf=2020-02-30`, 'asOf'],
    [`/people/${randomUUID()}/career?asOf=yesterday&x=1`, 'x'],
    [`/people/${randomUUID()}/career?minVersion=0`, 'minVersion'],
    [`/people/${randomUUID()}/career?minVersion=two`, 'minVersion'],
    [`/people/${randomUUID()}/career?minVersion=1.5`, 'minVersion'],
  ])('refuses %s with a 400 naming %s', async (path, field) => {
    const reply = await get(path).expect(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect((reply.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
  });

  it('needs a tenant and hides other tenants and unknown people behind 404', async () => {
    await get('/people', null).expect(400);
    await get(`/people/${life.personId}/career`, `${tenant}-other`).expect(404);
    const unknown = await get(`/people/${randomUUID()}/career`).expect(404);
    expect(unknown.body).toMatchObject({ code: 'CAREER_NOT_FOUND' });
    await get('/people/not-a-uuid/career').expect(400);
  });

  describe('read-your-writes (minVersion)', () => {
    it('answers at once when the career already reflects the version', async () => {
      const reply = await get(`/people/${life.personId}/career?minVersion=${life.events.length}`).expect(200);
      expect(reply.headers['etag']).toBe(`"${life.events.length}"`);
    });

    it('waits for a registration still on its way and answers once it is projected', async () => {
      const newcomer = workingLife({ managerId, newManagerId: managerId, givenName: 'Newcomer' });
      const [registration] = newcomer.events;
      if (registration === undefined) throw new Error('the fixture has no registration');
      const started = Date.now();
      const reading = get(`/people/${newcomer.personId}/career?minVersion=1`).then((reply) => ({ reply, at: Date.now() }));
      // The read is waiting (no career yet) when the projection commits the registration.
      await get(`/people/${newcomer.personId}/career`).expect(404);
      await ctx.deliver(consumed(tenant, newcomer.personId, 1, registration, '2025-01-01T00:00:00.000Z'));
      const { reply, at } = await reading;
      expect(reply.status).toBe(200);
      expect(reply.headers['etag']).toBe('"1"');
      expect(reply.body).toMatchObject({ personId: newcomer.personId, name: expect.stringContaining('Newcomer') });
      // Woken by the commit's notice, not by the end of the wait.
      expect(at - started).toBeLessThan(READ_WAIT_MS);
    });

    it('answers 503 with Retry-After when the career does not catch up within the wait', async () => {
      const reply = await get(`/people/${life.personId}/career?minVersion=${life.events.length + 1}`).expect(503);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.headers['retry-after']).toBe('1');
      expect(reply.body).toMatchObject({ status: 503, code: 'CAREER_NOT_CAUGHT_UP' });
    });
  });
});
