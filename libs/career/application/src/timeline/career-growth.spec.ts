import type { CareerJobRow, CareerRecord } from '../career-records';
import { careerStage } from './career-stage';
import { buildCareerTimeline } from './career-timeline';
import { promotionVelocity } from './promotion-velocity';

const person = { personId: 'p1', givenName: 'Ada', familyName: 'Lovelace', hireDate: '2010-01-01' };
const job = (jobId: string, startDate: string, endDate: string | null, field: string | null, level: number | null = 1): CareerJobRow => ({
  jobId,
  title: `title ${jobId}`,
  employer: 'Analytical Engines',
  employmentType: 'full-time',
  startDate,
  endDate,
  field,
  level,
});

describe('career stage', () => {
  it.each([
    [0, 'early'],
    [Math.ceil(3 * 365.25) - 1, 'early'],
    [Math.ceil(3 * 365.25), 'mid'],
    [Math.ceil(8 * 365.25) - 1, 'mid'],
    [Math.ceil(8 * 365.25), 'senior'],
  ])('classifies %d days of experience as %s', (days, stage) => {
    expect(careerStage(days)).toBe(stage);
  });
});

describe('promotions', () => {
  const record: CareerRecord = {
    person,
    jobs: [job('a', '2010-01-01', '2015-12-31', 'engineering'), job('b', '2016-01-01', null, 'management', 4)],
    promotions: [
      { jobId: 'a', streamVersion: 5, newTitle: 'Senior Engineer', newLevel: 3, previousLevel: 2, effectiveDate: '2014-01-01' },
      { jobId: 'a', streamVersion: 3, newTitle: 'Engineer II', newLevel: 2, previousLevel: 1, effectiveDate: '2012-01-01' },
      { jobId: 'b', streamVersion: 9, newTitle: 'Director', newLevel: 6, previousLevel: 4, effectiveDate: '2019-01-01' },
      { jobId: 'unseen', streamVersion: 12, newTitle: 'VP', newLevel: 8, previousLevel: 6, effectiveDate: '2019-06-01' },
    ],
  };

  it('lists promotions within their jobs, oldest first, and follows them in the current title and level', () => {
    const timeline = buildCareerTimeline(record, '2020-01-01');
    expect(timeline.jobs[0]).toMatchObject({ title: 'title a', level: 1, currentTitle: 'Senior Engineer', currentLevel: 3 });
    expect(timeline.jobs[0]?.promotions.map((p) => p.title)).toEqual(['Engineer II', 'Senior Engineer']);
    expect(timeline.promotions.map((p) => [p.effectiveDate, p.level])).toEqual([
      ['2012-01-01', 2],
      ['2014-01-01', 3],
      ['2019-01-01', 6],
    ]);
    expect(timeline).toMatchObject({ currentTitle: 'Director', currentLevel: 6 });
  });

  it('leaves out promotions effective after the day asked about', () => {
    const timeline = buildCareerTimeline(record, '2013-06-01');
    expect(timeline.promotions).toHaveLength(1);
    expect(timeline).toMatchObject({ currentTitle: 'Engineer II', currentLevel: 2 });
  });

  it('measures velocity per year of experience and the mean gap between promotions', () => {
    const velocity = buildCareerTimeline(record, '2020-01-01').promotionVelocity;
    expect(velocity).toMatchObject({ promotions: 3, levelsGained: 4 });
    // 10 years of experience (3652 days), 3 promotions; gaps of 24 and 60 months.
    expect(velocity.perYearOfExperience).toBeCloseTo(0.3, 2);
    expect(velocity.averageMonthsBetweenPromotions).toBeCloseTo(42, 0);
    expect(velocity.monthsSinceLastPromotion).toBeCloseTo(12, 0);
  });

  it('has no velocity without experience and no mean gap below two promotions', () => {
    expect(promotionVelocity([], 0, '2020-01-01')).toEqual({
      promotions: 0,
      levelsGained: 0,
      perYearOfExperience: null,
      averageMonthsBetweenPromotions: null,
      monthsSinceLastPromotion: null,
    });
    expect(promotionVelocity([{ effectiveDate: '2019-01-01', level: 2, previousLevel: 1 }], 730, '2020-01-01').averageMonthsBetweenPromotions).toBeNull();
  });
});

describe('aspiration and education', () => {
  const record: CareerRecord = {
    person,
    jobs: [job('a', '2010-01-01', '2010-12-31', 'Engineering'), job('b', '2010-07-01', '2011-06-30', ' engineering '), job('c', '2012-01-01', null, 'sales')],
    aspirations: [
      { streamVersion: 7, targetRole: 'CTO', field: 'engineering', targetLevel: 9, targetDate: '2030-01-01', setOn: '2021-01-01' },
      { streamVersion: 4, targetRole: 'Head of Sales', field: 'sales', targetLevel: 7, targetDate: '2025-01-01', setOn: '2019-01-01' },
    ],
    education: [
      { educationId: 'e2', kind: 'degree', title: 'MSc', field: 'maths', institution: 'UCL', completedOn: '2015-06-30' },
      { educationId: 'e1', kind: 'degree', title: 'BSc', field: 'maths', institution: 'UCL', completedOn: '2009-06-30' },
    ],
  };

  it('sums experience in the latest aspiration field, overlaps once and case-insensitively', () => {
    const timeline = buildCareerTimeline(record, '2022-01-01');
    expect(timeline.aspiration).toMatchObject({ targetRole: 'CTO', field: 'engineering', setOn: '2021-01-01' });
    expect(timeline.timeInAspirationFieldDays).toBe(546);
  });

  it('uses the aspiration recorded by the day asked about, and none before the first', () => {
    expect(buildCareerTimeline(record, '2020-01-01').aspiration?.targetRole).toBe('Head of Sales');
    const before = buildCareerTimeline(record, '2018-01-01');
    expect(before).toMatchObject({ aspiration: null, timeInAspirationFieldDays: null });
  });

  it('lists education completed by the day asked about, oldest first', () => {
    expect(buildCareerTimeline(record, '2022-01-01').education.map((e) => e.title)).toEqual(['BSc', 'MSc']);
    expect(buildCareerTimeline(record, '2012-01-01').education.map((e) => e.title)).toEqual(['BSc']);
  });
});
