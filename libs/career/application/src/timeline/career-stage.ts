import { YEAR_DAYS } from './career-dates';

export type CareerStage = 'early' | 'mid' | 'senior';

/**
 * Experience stages of the domain language, counted from experience (days covered by at
 * least one job, overlaps once), not from age or time since hire:
 * early under 3 years, mid from 3 to under 8 years, senior from 8 years. A year is 365.25 days.
 */
export function careerStage(totalExperienceDays: number): CareerStage {
  const years = totalExperienceDays / YEAR_DAYS;
  if (years < 3) return 'early';
  if (years < 8) return 'mid';
  return 'senior';
}
