import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startProfilesHttpTestApp, type ProfilesHttpTestApp } from './profiles-http.test-app';

type Case = [method: 'post' | 'patch' | 'put', path: (personId: string) => string, body: unknown, badFields: string[]];

const job = { title: 'Engineer', employer: 'Lab', employmentType: 'full-time', startDate: '2021-01-01' };
const cases: Case[] = [
  ['post', () => '/people', { givenName: 'A', familyName: 'B', email: 'jösé@example.com', hireDate: '2020-01-01' }, ['email']],
  ['post', () => '/people', { givenName: 'A', familyName: 'B', email: 'a@example.com', hireDate: '2020-01-01', managerId: 'boss', orgUnit: '' }, ['managerId', 'orgUnit']],
  ['post', () => '/people', { givenName: 1, email: 'a@example.com', hireDate: '2020-13-01', salary: 3 }, ['familyName', 'givenName', 'hireDate', 'salary']],
  ['patch', (id) => `/people/${id}`, { givenName: null, email: 'nope', orgUnit: 'x'.repeat(201) }, ['email', 'givenName', 'orgUnit']],
  ['post', (id) => `/people/${id}/offboard`, { reason: 'x' }, ['offboardedOn']],
  ['post', (id) => `/people/${id}/jobs`, { ...job, level: 21, field: 7 }, ['field', 'level']],
  ['post', (id) => `/people/${id}/jobs`, { ...job, level: 2.5, employmentType: 'forever' }, ['employmentType', 'level']],
  ['post', (id) => `/people/${id}/jobs/${randomUUID()}/end`, { endDate: '2021-02-30', reason: 5 }, ['endDate', 'reason']],
  ['post', (id) => `/people/${id}/promotions`, { jobId: 'x', newTitle: '', newLevel: 0, effectiveDate: 'soon' }, ['effectiveDate', 'jobId', 'newLevel', 'newTitle']],
  ['post', (id) => `/people/${id}/education`, { kind: 'diploma', title: 'T', field: 'f'.repeat(101), completedOn: '2010-01-01' }, ['field', 'institution', 'kind']],
  ['put', (id) => `/people/${id}/aspiration`, { targetRole: 'CTO', field: 'engineering', targetLevel: '5', targetDate: '2030-01-01', extra: true }, ['extra', 'targetLevel']],
];

describe('profiles HTTP API: invalid requests (PostgreSQL)', () => {
  let test: ProfilesHttpTestApp;
  let personId: string;
  const tenant = { 'x-tenant-id': 'acme' };
  const http = () => request(test.app.getHttpServer());

  beforeAll(async () => {
    test = await startProfilesHttpTestApp();
    const reply = await http().post('/people').set(tenant).send({ givenName: 'Jean', familyName: 'Sammet', email: 'js@example.com', hireDate: '2020-01-01' }).expect(201);
    personId = String(reply.body.personId);
  });
  afterAll(async () => {
    await test?.close();
  });

  it.each(cases.map((c, i) => [i, ...c] as const))('case %i: %s answers 400 naming each bad field', async (_i, method, path, body, badFields) => {
    const reply = await http()[method](path(personId)).set(tenant).send(body as object);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    const fields = [...new Set((reply.body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
    expect(fields).toEqual(badFields);
    expect(await test.eventCount(personId)).toBe(1);
  });

  it('refuses malformed JSON, a non-object body and a malformed id without a 5xx', async () => {
    for (const [path, body] of [['/people', '{"givenName": '], [`/people/${personId}/jobs`, '[1,2]'], [`/people/${personId}/jobs`, '"text"']] as const) {
      const reply = await http().post(path).set(tenant).set('content-type', 'application/json').send(body);
      expect(reply.status).toBe(400);
    }
    await http().get('/people/not-a-uuid').set(tenant).expect(400);
    await http().post('/people').send({}).expect(400);
    expect(await test.eventCount(personId)).toBe(1);
  });
});
