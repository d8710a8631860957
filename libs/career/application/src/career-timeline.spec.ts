import { buildCareerTimeline, careerStage, coveredDays, type CareerJobRow } from './career-timeline';

const person = { personId: 'p1', givenName: 'Grace', familyName: 'Hopper', hireDate: '2015-01-01' };
const job = (jobId: string, startDate: string, endDate: string | null, employmentType = 'full-time'): CareerJobRow => ({
  jobId,
  title: `title ${jobId}`,
  employer: 'Navy',
  employmentType,
  startDate,
  endDate,
});

describe('career timeline', () => {
  it('orders jobs by start date and measures inclusive durations', () => {
    const timeline = buildCareerTimeline(person, [job('b', '2016-01-01', null), job('a', '2015-01-01', '2015-12-31')], '2016-01-10');
    expect(timeline.jobs.map((j) => [j.jobId, j.durationDays, j.current])).toEqual([
      ['a', 365, false],
      ['b', 10, true],
    ]);
    expect(timeline.totalExperienceDays).toBe(375);
    expect(timeline.name).toBe('Grace Hopper');
  });

  it('does not count overlapping jobs twice', () => {
    expect(coveredDays([[0, 10], [5, 20], [30, 40]])).toBe(30);
    const timeline = buildCareerTimeline(person, [job('a', '2020-01-01', '2020-01-10'), job('b', '2020-01-05', '2020-01-14', 'part-time')], '2021-01-01');
    expect(timeline.totalExperienceDays).toBe(14);
  });

  it('answers as of a past date: later jobs vanish and ended jobs are current again', () => {
    const jobs = [job('a', '2015-01-01', '2019-12-31'), job('b', '2020-01-01', null)];
    const past = buildCareerTimeline(person, jobs, '2017-01-01');
    expect(past.jobs).toHaveLength(1);
    expect(past.jobs[0]).toMatchObject({ jobId: 'a', current: true, endDate: null });
  });

  it('ignores a job whose start has not been seen yet (ended event arrived first)', () => {
    const partial: CareerJobRow = { jobId: 'x', title: null, employer: null, employmentType: null, startDate: null, endDate: '2020-01-01' };
    expect(buildCareerTimeline(person, [partial], '2021-01-01').jobs).toEqual([]);
  });

  it.each([
    [0, 'early'],
    [Math.ceil(3 * 365.25) - 1, 'early'],
    [Math.ceil(3 * 365.25), 'mid'],
    [Math.ceil(8 * 365.25), 'senior'],
  ])('classifies %d days of experience as %s', (days, stage) => {
    expect(careerStage(days)).toBe(stage);
  });
});
