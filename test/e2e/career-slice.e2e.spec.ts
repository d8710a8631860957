import { randomUUID } from 'node:crypto';
import { eventually, testKafka, uniqueName } from '@trajectory/shared/testing';
import { Kafka as CEKafka, type CloudEventV1, type KafkaMessage as CEKafkaMessage } from 'cloudevents';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

describe('the thin slice: profiles → Kafka → career → gateway', () => {
  let system: RunningSystem;
  let hrAdmin: string;
  const tenant = `t-${randomUUID().slice(0, 8)}`;

  async function call(method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${system.gatewayUrl}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  beforeAll(async () => {
    system = await startSystem();
    hrAdmin = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'] });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('records a working life and reads it back as a career', async () => {
    const registered = await call('POST', '/people', hrAdmin, { givenName: 'Katherine', familyName: 'Johnson', email: 'kj@example.com', hireDate: '2015-03-02' });
    expect(registered.status).toBe(201);
    const personId = String(registered.body['personId']);
    expect(registered.headers.get('location')).toBe(`/people/${personId}`);
    expect(registered.headers.get('etag')).toBe('"1"');

    const first = await call('POST', `/people/${personId}/jobs`, hrAdmin, { title: 'Analyst', employer: 'Flight Research', employmentType: 'full-time', startDate: '2015-03-02' });
    expect(first.status).toBe(201);
    const firstJob = String(first.body['jobId']);
    const ended = await call('POST', `/people/${personId}/jobs/${firstJob}/end`, hrAdmin, { endDate: '2018-12-31', reason: 'promoted' }, { 'if-match': '"2"' });
    expect(ended.status).toBe(200);
    expect(ended.headers.get('etag')).toBe('"3"');
    const second = await call('POST', `/people/${personId}/jobs`, hrAdmin, { title: 'Lead Engineer', employer: 'Flight Research', employmentType: 'full-time', startDate: '2019-01-01' });
    expect(second.status).toBe(201);

    const career = await eventually(async () => {
      const reply = await call('GET', `/people/${personId}/career?asOf=2024-01-01`, hrAdmin);
      expect(reply.status).toBe(200);
      expect(reply.body['jobs']).toHaveLength(2);
      return reply.body;
    });
    expect(career).toMatchObject({
      personId,
      name: 'Katherine Johnson',
      jobs: [
        { title: 'Analyst', startDate: '2015-03-02', endDate: '2018-12-31', current: false },
        { title: 'Lead Engineer', startDate: '2019-01-01', endDate: null, current: true },
      ],
      stage: 'senior',
    });
  });

  it('answers rule violations, stale versions and bad input with problem+json and stores nothing', async () => {
    const registered = await call('POST', '/people', hrAdmin, { givenName: 'Mary', familyName: 'Jackson', email: 'mj@example.com', hireDate: '2020-01-01' });
    const personId = String(registered.body['personId']);

    const early = await call('POST', `/people/${personId}/jobs`, hrAdmin, { title: 'Engineer', employer: 'NACA', employmentType: 'contract', startDate: '2019-01-01' });
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body['code']).toBe('JOB_STARTS_BEFORE_HIRE');

    const stale = await call('POST', `/people/${personId}/jobs`, hrAdmin, { title: 'Engineer', employer: 'NACA', employmentType: 'contract', startDate: '2020-01-01' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);

    const invalid = await call('POST', `/people/${personId}/jobs`, hrAdmin, { title: '', employmentType: 'forever', startDate: '2020-02-30', salary: 1 });
    expect(invalid.status).toBe(400);
    const fields = (invalid.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['employer', 'employmentType', 'salary', 'startDate', 'title']));

    const malformed = await call('POST', '/people', hrAdmin, '{"givenName": ');
    expect(malformed.status).toBe(400);

    const person = await call('GET', `/people/${personId}`, hrAdmin);
    expect(person.status).toBe(200);
    expect(person.headers.get('etag')).toBe('"1"');
    expect(person.body['jobs']).toEqual([]);
  });

  it('requires a token and hides other tenants', async () => {
    const registered = await call('POST', '/people', hrAdmin, { givenName: 'Dorothy', familyName: 'Vaughan', email: 'dv@example.com', hireDate: '2010-05-01' });
    const personId = String(registered.body['personId']);
    expect((await call('GET', `/people/${personId}`, undefined)).status).toBe(401);
    const stranger = await signToken(system.jwtSecret, { tenant: `${tenant}-other`, roles: ['hr-admin'] });
    expect((await call('GET', `/people/${personId}`, stranger)).status).toBe(404);
    expect((await call('POST', `/people/${personId}/jobs`, stranger, { title: 'x', employer: 'y', employmentType: 'contract', startDate: '2011-01-01' })).status).toBe(404);
    // A client-chosen id another tenant already holds is a conflict, and reveals nothing more.
    const taken = await call('POST', '/people', stranger, { personId, givenName: 'Other', familyName: 'Person', email: 'o@example.com', hireDate: '2012-01-01' });
    expect(taken.status).toBe(409);
    expect(taken.body['code']).toBe('STREAM_TENANT_MISMATCH');
    expect(JSON.stringify(taken.body)).not.toContain(tenant + '"');
    const analyst = await signToken(system.jwtSecret, { tenant, roles: ['analyst'] });
    expect((await call('GET', `/people/${personId}/career`, analyst)).status).toBe(403);
  });

  it('publishes CloudEvents on profiles.events that the CloudEvents SDK reads', async () => {
    const registered = await call('POST', '/people', hrAdmin, { givenName: 'Annie', familyName: 'Easley', email: 'ae@example.com', hireDate: '2011-09-01' });
    const personId = String(registered.body['personId']);
    const consumer = testKafka('e2e-cloudevents').consumer({ groupId: uniqueName('e2e_ce'), maxWaitTimeInMs: 100 });
    const parsed: CloudEventV1<unknown>[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: `${system.topicPrefix}profiles.events`, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(Array.isArray(value) ? value[0] : value);
          const value = message.value?.toString('utf8') ?? '';
          const kafkaMessage: CEKafkaMessage<string> = { key: message.key?.toString('utf8') ?? '', value, body: value, headers };
          parsed.push(CEKafka.toEvent(kafkaMessage) as CloudEventV1<unknown>);
        },
      });
      await eventually(() => expect(parsed.some((event) => event.subject === `person-${personId}`)).toBe(true));
    } finally {
      await consumer.disconnect();
    }
    const event = parsed.find((e) => e.subject === `person-${personId}`);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'trajectory.profiles.PersonRegistered.v2',
      source: '/trajectory/profiles',
      tenantid: tenant,
      streamversion: expect.anything(),
      data: expect.objectContaining({ personId, givenName: 'Annie' }),
    });
  });
});
