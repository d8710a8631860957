import type { CareerJobRow, CareerPersonRow, CareerRecord } from '../career-records';
import { coveredDays } from './career-dates';
import { buildCareerTimeline } from './career-timeline';

const person: CareerPersonRow = { personId: 'p1', givenName: 'Grace', familyName: 'Hopper', hireDate: '2015-01-01' };
const job = (jobId: string, startDate: string, endDate: string | null, extra: Partial<CareerJobRow> = {}): CareerJobRow => ({
  jobId,
  title: `title ${jobId}`,
  employer: 'Navy',
  employmentType: 'full-time',
  startDate,
  endDate,
  ...extra,
});
const record = (jobs: CareerJobRow[], extra: Partial<CareerRecord> = {}): CareerRecord => ({ person, jobs, ...extra });

describe('career timeline: jobs and experience', () => {
  it('orders jobs by start date and measures inclusive durations', () => {
    const timeline = buildCareerTimeline(record([job('b', '2016-01-01', null), job('a', '2015-01-01', '2015-12-31')]), '2016-01-10');
    expect(timeline.jobs.map((j) => [j.jobId, j.durationDays, j.current])).toEqual([
      ['a', 365, false],
      ['b', 10, true],
    ]);
    expect(timeline.totalExperienceDays).toBe(375);
    expect(timeline.name).toBe('Grace Hopper');
    expect(timeline.status).toBe('active');
  });

  it('does not count overlapping jobs twice', () => {
    expect(coveredDays([[0, 10], [5, 20], [30, 40]])).toBe(30);
    const jobs = [job('a', '2020-01-01', '2020-01-10'), job('b', '2020-01-05', '2020-01-14', { employmentType: 'part-time' })];
    expect(buildCareerTimeline(record(jobs), '2021-01-01').totalExperienceDays).toBe(14);
  });

  it('answers as of a past date: later jobs vanish and ended jobs are current again', () => {
    const past = buildCareerTimeline(record([job('a', '2015-01-01', '2019-12-31'), job('b', '2020-01-01', null)]), '2017-01-01');
    expect(past.jobs).toHaveLength(1);
    expect(past.jobs[0]).toMatchObject({ jobId: 'a', current: true, endDate: null });
    expect(past.currentTitle).toBe('title a');
  });

  it('ignores a job whose start has not been seen yet (ended event arrived first)', () => {
    const partial: CareerJobRow = { jobId: 'x', title: null, employer: null, employmentType: null, startDate: null, endDate: '2020-01-01' };
    expect(buildCareerTimeline(record([partial]), '2021-01-01').jobs).toEqual([]);
  });

  it('names the full-time job as the current one when a part-time job started later', () => {
    const jobs = [job('ft', '2018-01-01', null, { title: 'Engineer' }), job('pt', '2020-01-01', null, { title: 'Lecturer', employmentType: 'part-time' })];
    expect(buildCareerTimeline(record(jobs), '2021-01-01').currentTitle).toBe('Engineer');
  });
});

describe('career timeline: offboarding and erasure', () => {
  const offboarded: CareerPersonRow = { ...person, offboardedOn: '2020-06-30' };

  it('ends jobs still open on the last working day and says offboarded from then on', () => {
    const timeline = buildCareerTimeline({ person: offboarded, jobs: [job('a', '2020-01-01', null)] }, '2022-01-01');
    expect(timeline.jobs[0]).toMatchObject({ endDate: '2020-06-30', current: false, durationDays: 182 });
    expect(timeline).toMatchObject({ status: 'offboarded', offboardedOn: '2020-06-30', currentTitle: null });
  });

  it('is active before the offboarding day', () => {
    const timeline = buildCareerTimeline({ person: offboarded, jobs: [job('a', '2020-01-01', null)] }, '2020-06-29');
    expect(timeline).toMatchObject({ status: 'active', offboardedOn: null });
    expect(timeline.jobs[0]?.current).toBe(true);
  });

  it('keeps the anonymous history of an erased person and shows no name', () => {
    const erased: CareerPersonRow = { ...person, givenName: null, familyName: null, erasedOn: '2024-01-01' };
    const timeline = buildCareerTimeline({ person: erased, jobs: [job('a', '2020-01-01', '2020-12-31')] }, '2024-02-01');
    expect(timeline).toMatchObject({ name: null, status: 'erased', totalExperienceDays: 366 });
    expect(timeline.jobs).toHaveLength(1);
  });
});

describe('career timeline: org attributes', () => {
  const changes: CareerRecord['changes'] = [
    { streamVersion: 4, kind: 'updated', changes: { orgUnit: 'Research', managerId: 'm2' }, recordedOn: '2022-03-01' },
    { streamVersion: 1, kind: 'registered', changes: { givenName: 'Grace', orgUnit: 'Ops', managerId: 'm1', employeeNumber: 'E1' }, recordedOn: '2021-05-01' },
  ];

  it('folds registration and updates in stream order', () => {
    expect(buildCareerTimeline(record([], { changes }), '2023-01-01')).toMatchObject({ orgUnit: 'Research', managerId: 'm2', employeeNumber: 'E1' });
  });

  it('leaves out updates recorded after the day asked about; the registration always counts', () => {
    expect(buildCareerTimeline(record([], { changes }), '2022-02-28')).toMatchObject({ orgUnit: 'Ops', managerId: 'm1' });
    expect(buildCareerTimeline(record([], { changes }), '2010-01-01')).toMatchObject({ orgUnit: 'Ops' });
  });
});
