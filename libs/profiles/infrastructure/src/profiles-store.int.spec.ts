import { personStreamId } from '@trajectory/contracts/profiles';
import { PersonCommandsService, PersonQueriesService } from '@trajectory/profiles/application';
import { eventStoreMigrations, type PostgresEventStore } from '@trajectory/shared/event-store';
import { runMigrations } from '@trajectory/shared/platform';
import { createTestDatabase, type TestDatabase } from '@trajectory/shared/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStorePersonalDataEraser } from './event-store.personal-data-eraser';
import { createProfilesEventStore } from './profiles-event-store.factory';

describe('profiles use cases on the PostgreSQL event store', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let commands: PersonCommandsService;
  let queries: PersonQueriesService;
  const acme = { tenantId: 'acme' };

  beforeAll(async () => {
    database = await createTestDatabase('profiles');
    await runMigrations(database.url, eventStoreMigrations);
    pool = new Pool({ connectionString: database.url, max: 4 });
    store = createProfilesEventStore(pool);
    commands = new PersonCommandsService(store, new EventStorePersonalDataEraser(store), () => new Date('2025-02-03T04:05:06.000Z'));
    queries = new PersonQueriesService(store);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const rawEvents = async (personId: string) =>
    (
      await pool.query<{ type: string; schema_version: number; data: string }>(
        'SELECT type, schema_version, data::text AS data FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [personStreamId(personId)],
      )
    ).rows;
  const keyCount = async (personId: string) => (await pool.query('SELECT 1 FROM pii_keys WHERE subject_id = $1', [personId])).rowCount;

  async function register(overrides: Record<string, string> = {}) {
    const personId = randomUUID();
    const familyName = `Hopper-${randomUUID()}`;
    await commands.registerPerson({ personId, givenName: 'Grace', familyName, email: `${familyName}@example.com`, hireDate: '2010-01-04', ...overrides }, acme);
    return { personId, familyName };
  }

  it('records a whole working life, reads it back, then erases the personal data', async () => {
    const managerId = randomUUID();
    const { personId, familyName } = await register({ employeeNumber: 'E-7', orgUnit: 'Navy Labs', managerId });
    const first = randomUUID();
    const second = randomUUID();
    await commands.startJob(personId, { jobId: first, title: 'Programmer', employer: 'Navy Labs', employmentType: 'full-time', startDate: '2010-01-04', field: 'engineering', level: 2 }, acme);
    await commands.promote(personId, { newTitle: 'Senior Programmer', newLevel: 3, effectiveDate: '2012-01-01' }, acme);
    await commands.endJob(personId, { jobId: first, endDate: '2014-12-31', reason: 'moved' }, acme);
    await commands.startJob(personId, { jobId: second, title: 'Lead', employer: 'Compilers', employmentType: 'full-time', startDate: '2015-01-01', field: 'engineering', level: 4 }, acme);
    await commands.addEducation(personId, { educationId: randomUUID(), kind: 'degree', title: 'PhD Mathematics', field: 'mathematics', institution: 'Yale', completedOn: '1934-06-01' }, acme);
    await commands.setAspiration(personId, { targetRole: 'Director', field: 'engineering', targetLevel: 7, targetDate: '2020-01-01' }, acme);
    await commands.updatePerson(personId, { orgUnit: 'Compilers', managerId: null }, { ...acme, expectedVersion: 7 });
    const offboarded = await commands.offboardPerson(personId, { offboardedOn: '2019-06-30', reason: 'retired' }, acme);
    expect(offboarded.version).toBe(10);

    const person = await queries.getPerson(personId, 'acme');
    expect(person).toMatchObject({
      status: 'offboarded',
      givenName: 'Grace',
      familyName,
      employeeNumber: 'E-7',
      orgUnit: 'Compilers',
      managerId: null,
      offboardedOn: '2019-06-30',
      aspiration: { targetRole: 'Director', targetLevel: 7 },
      education: [{ title: 'PhD Mathematics' }],
      version: 10,
    });
    expect(person.jobs).toMatchObject([
      { jobId: first, currentTitle: 'Senior Programmer', currentLevel: 3, endDate: '2014-12-31', promotions: [{ previousLevel: 2, newLevel: 3 }] },
      { jobId: second, level: 4, endDate: '2019-06-30', endReason: 'offboarded' },
    ]);
    const stored = await rawEvents(personId);
    expect(stored.map((e) => `${e.type}.v${e.schema_version}`)).toEqual([
      'PersonRegistered.v2', 'JobStarted.v2', 'Promoted.v1', 'JobEnded.v1', 'JobStarted.v2', 'EducationAdded.v1', 'AspirationSet.v1', 'PersonUpdated.v1', 'JobEnded.v1', 'PersonOffboarded.v1',
    ]);
    // Names and email are sealed at rest even before any erasure.
    expect(stored.map((e) => e.data).join('\n')).not.toContain(familyName);

    await commands.erasePerson(personId, acme);
    expect(await keyCount(personId)).toBe(0);
    const erased = await queries.getPerson(personId, 'acme');
    expect(erased).toMatchObject({ status: 'erased', givenName: null, familyName: null, email: null, version: 11 });
    expect(erased.jobs).toHaveLength(2);
    const { events } = await store.readStream(personStreamId(personId));
    expect(events[0]?.data).toMatchObject({ personId, givenName: null, familyName: null, email: null, hireDate: '2010-01-04' });
    expect(events.at(-1)).toMatchObject({ type: 'PersonErased', data: { personId, erasedAt: '2025-02-03T04:05:06.000Z' } });

    // A retried erasure records nothing new and still succeeds.
    await expect(commands.erasePerson(personId, acme)).resolves.toMatchObject({ events: [], version: 11 });
  });

  it('stores nothing when a rule is violated', async () => {
    const { personId } = await register();
    await commands.startJob(personId, { jobId: randomUUID(), title: 'Analyst', employer: 'HQ', employmentType: 'full-time', startDate: '2011-01-01' }, acme);
    const before = await rawEvents(personId);

    await expect(commands.startJob(personId, { jobId: randomUUID(), title: 'Second', employer: 'HQ', employmentType: 'full-time', startDate: '2012-01-01' }, acme)).rejects.toMatchObject({ code: 'OVERLAPPING_FULL_TIME_JOB' });
    await expect(commands.promote(personId, { newTitle: 'Lead', newLevel: 3, effectiveDate: '2012-01-01' }, acme)).rejects.toMatchObject({ code: 'PROMOTION_NEEDS_JOB_LEVEL' });
    await expect(commands.offboardPerson(personId, { offboardedOn: '2010-12-31' }, acme)).rejects.toMatchObject({ code: 'OFFBOARDING_BEFORE_JOB_HISTORY' });
    await expect(commands.updatePerson(personId, {}, acme)).rejects.toMatchObject({ code: 'NOTHING_TO_UPDATE' });
    await expect(commands.updatePerson(personId, { givenName: 'G' }, { ...acme, expectedVersion: 1 })).rejects.toMatchObject({ code: 'STALE_VERSION' });

    expect(await rawEvents(personId)).toEqual(before);
    expect((await queries.getPerson(personId, 'acme')).version).toBe(2);
  });

  it("hides another tenant's person and never erases it", async () => {
    const { personId } = await register();
    await expect(queries.getPerson(personId, 'globex')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    await expect(commands.erasePerson(personId, { tenantId: 'globex' })).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    expect(await keyCount(personId)).toBe(1);
    expect((await queries.getPerson(personId, 'acme')).givenName).toBe('Grace');
  });

  it('reads version 1 events in the newest shape', async () => {
    const personId = randomUUID();
    const jobId = randomUUID();
    await store.appendToStream(
      personStreamId(personId),
      [
        { type: 'PersonRegistered', schemaVersion: 1, data: { personId, givenName: 'Alan', familyName: 'Turing', email: 'alan@example.com', hireDate: '1945-10-01' } },
        { type: 'JobStarted', schemaVersion: 1, data: { personId, jobId, title: 'Researcher', employer: 'NPL', employmentType: 'full-time', startDate: '1945-10-01' } },
      ],
      { expectedVersion: 'no_stream', tenantId: 'acme' },
    );
    expect(await queries.getPerson(personId, 'acme')).toMatchObject({ givenName: 'Alan', employeeNumber: null, orgUnit: null, managerId: null, jobs: [{ jobId, field: null, level: null }] });
    await commands.startJob(personId, { jobId: randomUUID(), title: 'Reader', employer: 'Manchester', employmentType: 'part-time', startDate: '1948-10-01', level: 3 }, acme);
    expect((await rawEvents(personId)).map((e) => e.schema_version)).toEqual([1, 1, 2]);
  });
});
