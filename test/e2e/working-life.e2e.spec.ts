import { randomUUID } from 'node:crypto';
import { eventually } from '@trajectory/shared/testing';
import { callGateway, field, type Reply } from '../support/public-api';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';

/** Months as the career service counts them: 365.25 / 12 days. */
const MONTH_DAYS = 365.25 / 12;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/*
 * One person's whole working life, 2012–2023, recorded through the public API:
 *   job 1  Junior Analyst   full-time 2012-03-01 … 2014-12-31  data         1036 days
 *   job 2  Engineer (L2)    full-time 2015-01-05 … 2023-06-30  engineering  3099 days (ended by offboarding)
 *          → Senior Engineer L3 on 2017-07-01, → Staff Engineer L5 on 2020-01-01
 *   job 3  Lecturer         part-time 2019-09-01 … 2020-06-30  engineering   304 days, inside job 2
 * Experience: 1036 + 3099 = 4135 days (job 3 overlaps job 2 and counts once).
 */
describe('a whole working life recorded through the gateway and read back as a career', () => {
  let system: RunningSystem;
  let hrAdmin: string;
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  let managerId: string;
  let personId: string;
  const jobIds: Record<'analyst' | 'engineer' | 'lecturer', string> = { analyst: '', engineer: '', lecturer: '' };

  async function write(method: string, path: string, body?: Record<string, unknown>, status = 200): Promise<Reply> {
    const reply = await callGateway(system, method, path, { token: hrAdmin, ...(body === undefined ? {} : { body }) });
    // The answer's body is in the failure message when the status is not the one expected.
    expect({ request: `${method} ${path}`, status: reply.status, body: reply.body }).toMatchObject({ request: `${method} ${path}`, status });
    return reply;
  }

  async function careerAsOf(asOf: string | undefined, token = hrAdmin): Promise<Record<string, unknown>> {
    const reply = await callGateway(system, 'GET', `/people/${personId}/career${asOf === undefined ? '' : `?asOf=${asOf}`}`, { token });
    expect(reply.status).toBe(200);
    return reply.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    system = await startSystem();
    hrAdmin = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'], sub: 'working-life-hr' });

    const manager = await write('POST', '/people', { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.com', hireDate: '2005-01-03', orgUnit: 'Flight Research' }, 201);
    managerId = field<string>(manager, 'personId');
    const registration = { givenName: 'Katherine', familyName: 'Johnson', email: 'katherine@example.com', hireDate: '2012-03-01', employeeNumber: 'E-1918', orgUnit: 'Flight Research' };
    const person = await write('POST', '/people', { ...registration, managerId }, 201);
    personId = field<string>(person, 'personId');
    const job = (body: Record<string, unknown>) => write('POST', `/people/${personId}/jobs`, body, 201).then((reply) => field<string>(reply, 'jobId'));
    jobIds.analyst = await job({ title: 'Junior Analyst', employer: 'Flight Research', employmentType: 'full-time', startDate: '2012-03-01', field: 'data', level: 1 });
    await write('POST', `/people/${personId}/jobs/${jobIds.analyst}/end`, { endDate: '2014-12-31', reason: 'moved to engineering' });
    jobIds.engineer = await job({ title: 'Engineer', employer: 'Flight Research', employmentType: 'full-time', startDate: '2015-01-05', field: 'engineering', level: 2 });
    await write('POST', `/people/${personId}/promotions`, { newTitle: 'Senior Engineer', newLevel: 3, effectiveDate: '2017-07-01' }, 201);
    jobIds.lecturer = await job({ title: 'Lecturer', employer: 'Open University', employmentType: 'part-time', startDate: '2019-09-01', field: 'engineering', level: 2 });
    // Two open jobs: the promotion goes to the open full-time one, and skips a level.
    await write('POST', `/people/${personId}/promotions`, { newTitle: 'Staff Engineer', newLevel: 5, effectiveDate: '2020-01-01' }, 201);
    await write('POST', `/people/${personId}/jobs/${jobIds.lecturer}/end`, { endDate: '2020-06-30', reason: 'term ended' });
    await write('POST', `/people/${personId}/education`, { kind: 'degree', title: 'BSc Mathematics', field: 'mathematics', institution: 'West Virginia State', completedOn: '2011-06-30' }, 201);
    await write('POST', `/people/${personId}/education`, { kind: 'professional-course', title: 'Systems Safety', field: 'engineering', institution: 'NASA Academy', completedOn: '2018-05-20' }, 201);
    await write('PUT', `/people/${personId}/aspiration`, { targetRole: 'Engineering Manager', field: 'engineering', targetLevel: 6, targetDate: '2027-01-01' });
    await write('PATCH', `/people/${personId}`, { orgUnit: 'Platform Engineering' });
    await write('POST', `/people/${personId}/offboard`, { offboardedOn: '2023-06-30', reason: 'resigned' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('reads back the whole career today, once the read side has caught up', async () => {
    const career = await eventually(
      async () => {
        const current = await careerAsOf(undefined);
        expect(current).toMatchObject({ status: 'offboarded', orgUnit: 'Platform Engineering', aspiration: expect.objectContaining({ field: 'engineering' }) });
        expect(current['education']).toHaveLength(2);
        return current;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const asOf = String(career['asOf']);
    // Today (UTC) by default; a day's slack for a run that crosses midnight.
    expect(Math.abs(dayNumber(asOf) - Date.now() / 86_400_000)).toBeLessThan(2);
    expect(career).toMatchObject({
      personId,
      name: 'Katherine Johnson',
      hireDate: '2012-03-01',
      employeeNumber: 'E-1918',
      managerId,
      offboardedOn: '2023-06-30',
      currentTitle: null,
      jobs: [
        { jobId: jobIds.analyst, title: 'Junior Analyst', field: 'data', level: 1, currentLevel: 1, startDate: '2012-03-01', endDate: '2014-12-31', current: false, durationDays: 1036, promotions: [] },
        { jobId: jobIds.engineer, title: 'Engineer', currentTitle: 'Staff Engineer', level: 2, currentLevel: 5, startDate: '2015-01-05', endDate: '2023-06-30', current: false, durationDays: 3099 },
        { jobId: jobIds.lecturer, title: 'Lecturer', employmentType: 'part-time', startDate: '2019-09-01', endDate: '2020-06-30', current: false, durationDays: 304 },
      ],
      promotions: [
        { jobId: jobIds.engineer, effectiveDate: '2017-07-01', title: 'Senior Engineer', level: 3, previousLevel: 2 },
        { jobId: jobIds.engineer, effectiveDate: '2020-01-01', title: 'Staff Engineer', level: 5, previousLevel: 3 },
      ],
      totalExperienceDays: 4135,
      stage: 'senior',
      promotionVelocity: { promotions: 2, levelsGained: 3, perYearOfExperience: 0.18, averageMonthsBetweenPromotions: 30.03 },
      aspiration: { targetRole: 'Engineering Manager', field: 'engineering', targetLevel: 6, targetDate: '2027-01-01', setOn: asOf },
      // Jobs 2 and 3 are in engineering and overlap: counted once.
      timeInAspirationFieldDays: 3099,
      education: [
        { kind: 'degree', title: 'BSc Mathematics', completedOn: '2011-06-30' },
        { kind: 'professional-course', title: 'Systems Safety', field: 'engineering', completedOn: '2018-05-20' },
      ],
    });
    expect(career['totalExperienceYears']).toBeCloseTo(4135 / 365.25, 2);
    const velocity = career['promotionVelocity'] as Record<string, number>;
    expect(velocity['monthsSinceLastPromotion']).toBeCloseTo((dayNumber(asOf) - dayNumber('2020-01-01')) / MONTH_DAYS, 2);
    expect((career['jobs'] as Array<{ promotions: unknown[] }>)[1]?.promotions).toHaveLength(2);
  });

  it("carries the person's stream version as the career's ETag, the same as the person's own", async () => {
    const person = await callGateway(system, 'GET', `/people/${personId}`, { token: hrAdmin });
    const version = person.headers.get('etag');
    expect(version).toMatch(/^"\d+"$/);
    await eventually(
      async () => {
        const career = await callGateway(system, 'GET', `/people/${personId}/career`, { token: hrAdmin });
        expect(career.headers.get('etag')).toBe(version);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  it('reads its own writes: with the ETag a write answered as minVersion, one read shows the write', async () => {
    const created = await write('POST', '/people', { givenName: 'Mary', familyName: 'Jackson', email: 'mary@example.com', hireDate: '2021-02-01', orgUnit: 'Wind Tunnel' }, 201);
    const id = field<string>(created, 'personId');
    const createdVersion = (created.headers.get('etag') ?? '').replace(/"/g, '');
    expect(createdVersion).toBe('1');
    // No polling: the read waits until the projection has the registration.
    const first = await callGateway(system, 'GET', `/people/${id}/career?minVersion=${createdVersion}`, { token: hrAdmin });
    expect({ status: first.status, etag: first.headers.get('etag') }).toEqual({ status: 200, etag: '"1"' });
    expect(first.body).toMatchObject({ personId: id, name: 'Mary Jackson', orgUnit: 'Wind Tunnel' });

    const updated = await write('PATCH', `/people/${id}`, { orgUnit: 'Structures' });
    const updatedVersion = (updated.headers.get('etag') ?? '').replace(/"/g, '');
    const second = await callGateway(system, 'GET', `/people/${id}/career?minVersion=${updatedVersion}`, { token: hrAdmin });
    expect({ status: second.status, etag: second.headers.get('etag') }).toEqual({ status: 200, etag: `"${updatedVersion}"` });
    expect(second.body).toMatchObject({ orgUnit: 'Structures' });
  });

  it('answers as the career stood on past days', async () => {
    await eventually(async () => expect((await careerAsOf(undefined))['status']).toBe('offboarded'), { timeoutMs: 30_000, intervalMs: 200 });

    // Before the second job: one current job, the degree only, registration's org unit (the update came later).
    expect(await careerAsOf('2014-06-30')).toMatchObject({
      status: 'active',
      orgUnit: 'Flight Research',
      offboardedOn: null,
      currentTitle: 'Junior Analyst',
      currentLevel: 1,
      jobs: [{ jobId: jobIds.analyst, endDate: null, current: true, durationDays: 852 }],
      promotions: [],
      totalExperienceDays: 852,
      stage: 'early',
      promotionVelocity: { promotions: 0, levelsGained: 0, averageMonthsBetweenPromotions: null, monthsSinceLastPromotion: null },
      aspiration: null,
      timeInAspirationFieldDays: null,
      education: [{ title: 'BSc Mathematics' }],
    });

    // The day before the first promotion.
    const beforePromotion = await careerAsOf('2017-06-30');
    expect(beforePromotion).toMatchObject({
      status: 'active',
      currentTitle: 'Engineer',
      currentLevel: 2,
      jobs: [{ jobId: jobIds.analyst, current: false }, { jobId: jobIds.engineer, currentTitle: 'Engineer', currentLevel: 2, current: true, durationDays: 908, promotions: [] }],
      promotions: [],
      totalExperienceDays: 1944,
      stage: 'mid',
      education: [{ title: 'BSc Mathematics' }],
    });

    // After the first promotion, with the part-time job running beside the full-time one.
    expect(await careerAsOf('2019-12-31')).toMatchObject({
      currentTitle: 'Senior Engineer',
      currentLevel: 3,
      jobs: [{ jobId: jobIds.analyst }, { jobId: jobIds.engineer, current: true, durationDays: 1822 }, { jobId: jobIds.lecturer, current: true, durationDays: 122 }],
      promotions: [{ effectiveDate: '2017-07-01', level: 3 }],
      totalExperienceDays: 2858,
      stage: 'mid',
      promotionVelocity: { promotions: 1, levelsGained: 1, perYearOfExperience: 0.13, averageMonthsBetweenPromotions: null, monthsSinceLastPromotion: 30 },
      education: [{ title: 'BSc Mathematics' }, { title: 'Systems Safety' }],
    });

    // Offboarded from the last working day on, not the day before.
    expect((await careerAsOf('2023-06-29'))['status']).toBe('active');
    expect(await careerAsOf('2023-06-30')).toMatchObject({ status: 'offboarded', jobs: [{ current: false }, { endDate: '2023-06-30', current: false }, { current: false }] });
  });

  it('lists the person in their current org unit, and not in the old one', async () => {
    const list = await eventually(
      async () => {
        const reply = await callGateway(system, 'GET', `/people?orgUnit=${encodeURIComponent('Platform Engineering')}`, { token: hrAdmin });
        expect(reply.status).toBe(200);
        expect(field<unknown[]>(reply, 'total')).toBe(1);
        return reply;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(field(list, 'items')).toEqual([
      { personId, name: 'Katherine Johnson', orgUnit: 'Platform Engineering', managerId, status: 'offboarded', currentTitle: null, stage: 'senior' },
    ]);
    const old = await callGateway(system, 'GET', `/people?orgUnit=${encodeURIComponent('Flight Research')}`, { token: hrAdmin });
    expect(field<Array<{ personId: string }>>(old, 'items').map((p) => p.personId)).toEqual([managerId]);
  });

  it('lets the person and their manager read the career, and nobody else of the tenant', async () => {
    const expected = await eventually(async () => {
      const career = await careerAsOf('2023-01-01');
      expect(career['education']).toHaveLength(2);
      return career;
    }, { timeoutMs: 30_000, intervalMs: 200 });
    const self = await signToken(system.jwtSecret, { tenant, roles: ['employee'], personId, sub: 'katherine' });
    expect(await careerAsOf('2023-01-01', self)).toEqual(expected);
    const manager = await signToken(system.jwtSecret, { tenant, roles: ['manager'], personId: managerId, sub: 'grace' });
    // Direct reports come from the read side, which may still be catching up.
    await eventually(async () => expect(await careerAsOf('2023-01-01', manager)).toEqual(expected), { timeoutMs: 30_000, intervalMs: 200 });

    const colleague = await signToken(system.jwtSecret, { tenant, roles: ['employee'], personId: managerId, sub: 'grace-as-employee' });
    const refused = await callGateway(system, 'GET', `/people/${personId}/career`, { token: colleague });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});
