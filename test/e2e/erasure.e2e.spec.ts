import { randomBytes, randomUUID } from 'node:crypto';
import { eventually } from '@trajectory/shared/testing';
import { Client } from 'pg';
import { findPlaintext, type PlaintextHits } from '../support/plaintext-search';
import { callGateway, field, type Reply } from '../support/public-api';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';
import { fetchEndOffsets, publishedSince, readTopicUntil, type EndOffsets } from '../support/topic-reader';

/** 16 random lowercase letters: found nowhere by chance (not in a UUID, not in hex or base64 noise). */
const randomToken = () => [...randomBytes(16)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');

const SEARCH = { timeoutMs: 30_000, intervalMs: 200 };

/*
 * Erasure (DELETE /people/:id) crypto-shreds a person's name and email. The person's names
 * and emails carry a random token, so "no plaintext anywhere" is a search for that token in
 * every table of both databases and in every message published on the topic since.
 */
describe('erasure leaves no plaintext name or email anywhere, and keeps the anonymous history', () => {
  let system: RunningSystem;
  let hrAdmin: string;
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const token = randomToken();
  const bystanderToken = randomToken();
  let personId: string;
  let topic: string;
  let endOffsetsBeforeErasure: EndOffsets;
  let careerHitsBeforeErasure: PlaintextHits;
  let eventsBeforeErasure: number;
  let erasure: Reply;

  async function hr(method: string, path: string, body?: Record<string, unknown>): Promise<Reply> {
    return callGateway(system, method, path, { token: hrAdmin, ...(body === undefined ? {} : { body }) });
  }

  async function storedEvents(): Promise<number> {
    const client = new Client({ connectionString: system.databases.profiles.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM events WHERE stream_id = $1', [`person-${personId}`]);
      return Number(rows[0]?.count ?? 0);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    system = await startSystem();
    topic = `${system.topicPrefix}profiles.events`;
    hrAdmin = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'], sub: 'erasure-hr' });
    const bystander = await hr('POST', '/people', { givenName: `Bea${bystanderToken}`, familyName: 'Stander', email: `${bystanderToken}@example.com`, hireDate: '2018-01-02' });
    expect(bystander.status).toBe(201);

    const registered = await hr('POST', '/people', {
      givenName: `Zora${token}`,
      familyName: `Quill${token}`,
      email: `${token}@example.com`,
      hireDate: '2016-04-04',
      employeeNumber: 'E-4242',
      orgUnit: 'Archive',
    });
    expect(registered.status).toBe(201);
    personId = field<string>(registered, 'personId');
    const first = await hr('POST', `/people/${personId}/jobs`, { title: 'Archivist', employer: 'Archive', employmentType: 'full-time', startDate: '2016-04-04', field: 'records', level: 2 });
    expect(first.status).toBe(201);
    expect((await hr('POST', `/people/${personId}/promotions`, { newTitle: 'Senior Archivist', newLevel: 3, effectiveDate: '2018-04-01' })).status).toBe(201);
    expect((await hr('POST', `/people/${personId}/jobs/${field<string>(first, 'jobId')}/end`, { endDate: '2020-12-31', reason: 'moved on' })).status).toBe(200);
    expect((await hr('POST', `/people/${personId}/jobs`, { title: 'Curator', employer: 'Museum', employmentType: 'full-time', startDate: '2021-01-04', field: 'records', level: 4 })).status).toBe(201);
    expect((await hr('POST', `/people/${personId}/education`, { kind: 'degree', title: 'MA History', field: 'history', institution: 'Leiden', completedOn: '2015-07-01' })).status).toBe(201);
    // A changed name and address are PII too: PersonUpdated carries them.
    expect((await hr('PATCH', `/people/${personId}`, { familyName: `Marsh${token}`, email: `${token}.new@example.com` })).status).toBe(200);

    // Everything recorded so far has been published and projected before the erasure.
    await eventually(async () => {
      const career = await hr('GET', `/people/${personId}/career`);
      expect(career.body).toMatchObject({ name: `Zora${token} Marsh${token}`, status: 'active', jobs: [{}, {}], promotions: [{}], education: [{}] });
      const list = await hr('GET', '/people');
      expect(field(list, 'total')).toBe(2);
    }, SEARCH);
    careerHitsBeforeErasure = await findPlaintext(system.databases.career.url, token);
    eventsBeforeErasure = await storedEvents();
    endOffsetsBeforeErasure = await fetchEndOffsets(topic);

    erasure = await hr('DELETE', `/people/${personId}`);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers 204 with the stream version, and records one more event', async () => {
    expect(erasure.status).toBe(204);
    expect(erasure.body).toBeUndefined();
    expect(erasure.headers.get('etag')).toBe(`"${eventsBeforeErasure + 1}"`);
    expect(await storedEvents()).toBe(eventsBeforeErasure + 1);
  });

  it('(a) leaves no plaintext name or email in any table of the profiles database', async () => {
    expect(await findPlaintext(system.databases.profiles.url, token)).toEqual({});
  });

  it('(b) leaves none in the career database once the career shows the erasure', async () => {
    // The search does see the names where they are: before the erasure, and a bystander's after.
    expect(Object.keys(careerHitsBeforeErasure)).toEqual(expect.arrayContaining(['public.career_people']));
    await eventually(async () => expect(field(await hr('GET', `/people/${personId}/career`), 'status')).toBe('erased'), SEARCH);
    expect(await findPlaintext(system.databases.career.url, token)).toEqual({});
    expect(await findPlaintext(system.databases.career.url, bystanderToken)).not.toEqual({});
  });

  it('(c) publishes no plaintext on profiles.events after the erasure', async () => {
    const isErasure = (m: { headers: Record<string, string> }) => m.headers['ce_subject'] === `person-${personId}` && (m.headers['ce_type'] ?? '').includes('.PersonErased.');
    const messages = await readTopicUntil(topic, (read) => read.some((m) => publishedSince(m, endOffsetsBeforeErasure) && isErasure(m)));
    const since = messages.filter((m) => publishedSince(m, endOffsetsBeforeErasure));
    const mentions = (m: (typeof messages)[number]) => [m.key, m.value, ...Object.values(m.headers)].join('\n').toLowerCase().includes(token);
    expect(since.filter(mentions)).toEqual([]);
    // The search would see it: the registration, published before, carried the name.
    expect(messages.filter((m) => !publishedSince(m, endOffsetsBeforeErasure)).some(mentions)).toBe(true);
    expect(since.filter(isErasure)).toHaveLength(1);
  });

  it('(d) keeps the anonymous history: the career, the person and the list answer without names', async () => {
    const career = await eventually(async () => {
      const reply = await hr('GET', `/people/${personId}/career`);
      expect(reply.status).toBe(200);
      expect(field(reply, 'status')).toBe('erased');
      return reply.body;
    }, SEARCH);
    expect(career).toMatchObject({
      personId,
      name: null,
      status: 'erased',
      hireDate: '2016-04-04',
      employeeNumber: 'E-4242',
      orgUnit: 'Archive',
      jobs: [
        { title: 'Archivist', currentTitle: 'Senior Archivist', startDate: '2016-04-04', endDate: '2020-12-31' },
        { title: 'Curator', startDate: '2021-01-04', current: true },
      ],
      promotions: [{ effectiveDate: '2018-04-01', level: 3, previousLevel: 2 }],
      education: [{ title: 'MA History' }],
    });

    const person = await hr('GET', `/people/${personId}`);
    expect(person.status).toBe(200);
    expect(person.headers.get('etag')).toBe(`"${eventsBeforeErasure + 1}"`);
    expect(person.body).toMatchObject({ personId, status: 'erased', givenName: null, familyName: null, email: null, employeeNumber: 'E-4242', hireDate: '2016-04-04' });
    expect(field<unknown[]>(person, 'jobs')).toHaveLength(2);
    expect(JSON.stringify(person.body).toLowerCase()).not.toContain(token);

    const list = await hr('GET', '/people?orgUnit=Archive');
    expect(field(list, 'items')).toEqual([expect.objectContaining({ personId, name: null, status: 'erased', orgUnit: 'Archive' })]);
  });

  it('(d) refuses further writes to the erased person with PERSON_ERASED and stores nothing', async () => {
    const writes: Array<[string, string, Record<string, unknown>]> = [
      ['PATCH', `/people/${personId}`, { givenName: `Zora${token}` }],
      ['POST', `/people/${personId}/jobs`, { title: 'Keeper', employer: 'Museum', employmentType: 'part-time', startDate: '2022-01-03' }],
      ['POST', `/people/${personId}/promotions`, { newTitle: 'Head Curator', newLevel: 5, effectiveDate: '2022-06-01' }],
      ['POST', `/people/${personId}/education`, { kind: 'professional-course', title: 'Conservation', field: 'history', institution: 'ICCROM', completedOn: '2021-05-01' }],
      ['PUT', `/people/${personId}/aspiration`, { targetRole: 'Director', field: 'records', targetLevel: 7, targetDate: '2030-01-01' }],
      ['POST', `/people/${personId}/offboard`, { offboardedOn: '2023-01-31' }],
    ];
    for (const [method, path, body] of writes) {
      const reply = await hr(method, path, body);
      expect({ request: `${method} ${path}`, status: reply.status >= 400 && reply.status < 500, code: field(reply, 'code') }).toEqual({
        request: `${method} ${path}`,
        status: true,
        code: 'PERSON_ERASED',
      });
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
    // Erasing again is allowed (a retry completes an interrupted erasure) and records nothing new.
    expect((await hr('DELETE', `/people/${personId}`)).status).toBe(204);
    expect(await storedEvents()).toBe(eventsBeforeErasure + 1);
    expect(await findPlaintext(system.databases.profiles.url, token)).toEqual({});
  });
});
