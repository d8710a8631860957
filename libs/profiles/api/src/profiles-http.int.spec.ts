import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startProfilesHttpTestApp, type ProfilesHttpTestApp } from './profiles-http.test-app';

describe('profiles HTTP API (PostgreSQL)', () => {
  let test: ProfilesHttpTestApp;
  const tenant = { 'x-tenant-id': 'acme' };
  const http = () => request(test.app.getHttpServer());

  beforeAll(async () => {
    test = await startProfilesHttpTestApp();
  });
  afterAll(async () => {
    await test?.close();
  });

  async function registered(): Promise<string> {
    const body = { givenName: 'Frances', familyName: 'Allen', email: 'fa@example.com', hireDate: '1957-07-15', employeeNumber: 'IBM-1', orgUnit: 'Research' };
    const reply = await http().post('/people').set(tenant).send(body).expect(201);
    return String(reply.body.personId);
  }

  it('records a working life through every write route and reads it back', async () => {
    const personId = await registered();
    const job = await http().post(`/people/${personId}/jobs`).set(tenant).send({ title: 'Programmer', employer: 'IBM Research', employmentType: 'full-time', startDate: '1957-07-15', field: 'engineering', level: 2 }).expect(201);
    const jobId = String(job.body.jobId);
    expect(job.headers['location']).toBe(`/people/${personId}/jobs/${jobId}`);
    expect(job.headers['etag']).toBe('"2"');

    const promotion = await http().post(`/people/${personId}/promotions`).set(tenant).set('If-Match', '"2"').send({ newTitle: 'Fellow', newLevel: 5, effectiveDate: '1989-01-01' }).expect(201);
    expect(promotion.body).toEqual({ personId, jobId, version: 3 });
    expect(promotion.headers['location']).toBe(`/people/${personId}/jobs/${jobId}`);

    const education = await http().post(`/people/${personId}/education`).set(tenant).send({ kind: 'degree', title: 'MSc Mathematics', field: 'mathematics', institution: 'University of Michigan', completedOn: '1957-06-01' }).expect(201);
    expect(education.headers['location']).toBe(`/people/${personId}/education/${String(education.body.educationId)}`);
    await http().put(`/people/${personId}/aspiration`).set(tenant).send({ targetRole: 'Fellow', field: 'engineering', targetLevel: 6, targetDate: '1995-01-01' }).expect(200);
    const patched = await http().patch(`/people/${personId}`).set(tenant).set('If-Match', '"5"').send({ orgUnit: 'Compilers', employeeNumber: null }).expect(200);
    expect(patched.headers['etag']).toBe('"6"');
    const offboard = await http().post(`/people/${personId}/offboard`).set(tenant).send({ offboardedOn: '2002-08-31', reason: 'retired' }).expect(200);
    expect(offboard.headers['etag']).toBe('"8"');

    const person = await http().get(`/people/${personId}`).set(tenant).expect(200);
    expect(person.headers['etag']).toBe('"8"');
    expect(person.body).toMatchObject({
      personId,
      status: 'offboarded',
      givenName: 'Frances',
      email: 'fa@example.com',
      employeeNumber: null,
      orgUnit: 'Compilers',
      jobs: [{ jobId, title: 'Programmer', level: 2, currentTitle: 'Fellow', currentLevel: 5, field: 'engineering', endDate: '2002-08-31', promotions: [{ previousLevel: 2, newLevel: 5, effectiveDate: '1989-01-01' }] }],
      education: [{ kind: 'degree', institution: 'University of Michigan' }],
      aspiration: { targetRole: 'Fellow', targetLevel: 6 },
    });
  });

  it('ends a job with 200 and the new ETag', async () => {
    const personId = await registered();
    const job = await http().post(`/people/${personId}/jobs`).set(tenant).send({ title: 'Programmer', employer: 'IBM', employmentType: 'contract', startDate: '1958-01-01' }).expect(201);
    const ended = await http().post(`/people/${personId}/jobs/${String(job.body.jobId)}/end`).set(tenant).set('If-Match', '"2"').send({ endDate: '1960-01-01', reason: null }).expect(200);
    expect(ended.headers['etag']).toBe('"3"');
  });

  it('answers rule violations with 422 and a stable code, storing nothing', async () => {
    const personId = await registered();
    const cases: Array<[string, string, object, string]> = [
      ['post', `/people/${personId}/promotions`, { newTitle: 'Lead', newLevel: 3, effectiveDate: '1960-01-01' }, 'PROMOTION_NEEDS_CURRENT_JOB'],
      ['post', `/people/${personId}/jobs`, { title: 'x', employer: 'y', employmentType: 'contract', startDate: '1950-01-01' }, 'JOB_STARTS_BEFORE_HIRE'],
      ['post', `/people/${personId}/offboard`, { offboardedOn: '1950-01-01' }, 'OFFBOARDING_BEFORE_HIRE'],
      ['patch', `/people/${personId}`, {}, 'NOTHING_TO_UPDATE'],
      ['patch', `/people/${personId}`, { managerId: personId }, 'MANAGER_IS_SELF'],
      ['put', `/people/${personId}/aspiration`, { targetRole: 'CTO', field: 'engineering', targetLevel: 9, targetDate: '1950-01-01' }, 'ASPIRATION_BEFORE_HIRE'],
    ];
    for (const [method, path, body, code] of cases) {
      const reply = await http()[method as 'post'](path).set(tenant).send(body);
      expect({ path, status: reply.status, code: reply.body.code, type: reply.headers['content-type'] }).toEqual({ path, status: 422, code, type: expect.stringContaining('application/problem+json') });
    }
    expect(await test.eventCount(personId)).toBe(1);
  });

  it('refuses a stale If-Match with 412 and unknown people with 404', async () => {
    const personId = await registered();
    await http().patch(`/people/${personId}`).set(tenant).set('If-Match', '"3"').send({ givenName: 'Fran' }).expect(412);
    const stranger = randomUUID();
    await http().get(`/people/${stranger}`).set(tenant).expect(404);
    await http().patch(`/people/${stranger}`).set(tenant).send({ givenName: 'X' }).expect(404);
    await http().delete(`/people/${stranger}`).set(tenant).expect(404);
    await http().get(`/people/${personId}`).set({ 'x-tenant-id': 'globex' }).expect(404);
    expect(await test.eventCount(personId)).toBe(1);
  });

  it('erases a person: 204, names gone, history kept, and a repeat is harmless', async () => {
    const personId = await registered();
    await http().post(`/people/${personId}/jobs`).set(tenant).send({ title: 'Programmer', employer: 'IBM', employmentType: 'full-time', startDate: '1958-01-01' }).expect(201);
    const erased = await http().delete(`/people/${personId}`).set(tenant).expect(204);
    expect(erased.headers['etag']).toBe('"3"');
    const person = await http().get(`/people/${personId}`).set(tenant).expect(200);
    expect(person.body).toMatchObject({ status: 'erased', givenName: null, familyName: null, email: null, jobs: [{ title: 'Programmer' }] });
    await http().delete(`/people/${personId}`).set(tenant).expect(204);
    const refused = await http().patch(`/people/${personId}`).set(tenant).send({ givenName: 'Frances' }).expect(422);
    expect(refused.body.code).toBe('PERSON_ERASED');
  });
});
