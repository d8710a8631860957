import { dayNumber, MONTH_DAYS, roundTo, YEAR_DAYS } from './career-dates';

export interface PromotionVelocity {
  /** Promotions effective by the day asked about. */
  promotions: number;
  /** Ladder levels climbed by those promotions (a promotion may skip a level). */
  levelsGained: number;
  /** promotions ÷ years of experience (overlaps once); null without experience. */
  perYearOfExperience: number | null;
  /** Mean gap between consecutive promotions, in months of 365.25/12 days; null below two promotions. */
  averageMonthsBetweenPromotions: number | null;
  /** Months from the latest promotion to the day asked about; null without promotions. */
  monthsSinceLastPromotion: number | null;
}

/**
 * How fast a person climbs. Per year of *experience* rather than of tenure, so a career
 * with gaps or part-time years is not penalised for time not worked. Rounded to 2 decimals.
 */
export function promotionVelocity(
  promotions: ReadonlyArray<{ effectiveDate: string; level: number; previousLevel: number }>,
  totalExperienceDays: number,
  asOf: string,
): PromotionVelocity {
  const days = promotions.map((p) => dayNumber(p.effectiveDate)).sort((a, b) => a - b);
  const first = days[0];
  const last = days[days.length - 1];
  const years = totalExperienceDays / YEAR_DAYS;
  return {
    promotions: days.length,
    levelsGained: promotions.reduce((sum, p) => sum + Math.max(0, p.level - p.previousLevel), 0),
    perYearOfExperience: years > 0 ? roundTo(days.length / years, 2) : null,
    averageMonthsBetweenPromotions:
      first !== undefined && last !== undefined && days.length >= 2 ? roundTo((last - first) / (days.length - 1) / MONTH_DAYS, 2) : null,
    monthsSinceLastPromotion: last === undefined ? null : roundTo((dayNumber(asOf) - last) / MONTH_DAYS, 2),
  };
}
