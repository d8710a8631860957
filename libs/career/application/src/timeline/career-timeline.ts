import type { CareerAspirationRow, CareerEducationRow, CareerRecord } from '../career-records';
import { coveredDays, roundTo, YEAR_DAYS } from './career-dates';
import { careerStage, type CareerStage } from './career-stage';
import { foldPersonAttributes } from './person-attributes';
import { promotionVelocity, type PromotionVelocity } from './promotion-velocity';
import { placeJobs, primaryCurrentJob, sameField, type TimelineJob, type TimelinePromotion } from './timeline-jobs';

export type PersonStatus = 'active' | 'offboarded' | 'erased';

export type TimelineAspiration = Omit<CareerAspirationRow, 'streamVersion'>;
export type TimelineEducation = CareerEducationRow;

export interface CareerTimeline {
  personId: string;
  /** Null once the person is erased. */
  name: string | null;
  hireDate: string | null;
  asOf: string;
  status: PersonStatus;
  employeeNumber: string | null;
  orgUnit: string | null;
  managerId: string | null;
  offboardedOn: string | null;
  /** Title and level of the primary current job (full-time first, then latest started). */
  currentTitle: string | null;
  currentLevel: number | null;
  jobs: TimelineJob[];
  /** Every promotion of every job, oldest first. */
  promotions: TimelinePromotion[];
  totalExperienceDays: number;
  totalExperienceYears: number;
  stage: CareerStage;
  promotionVelocity: PromotionVelocity;
  aspiration: TimelineAspiration | null;
  /** Experience (overlaps once) in jobs of the aspiration's field; null without an aspiration. */
  timeInAspirationFieldDays: number | null;
  education: TimelineEducation[];
}

function aspirationAsOf(rows: readonly CareerAspirationRow[], asOf: string): TimelineAspiration | null {
  const known = rows.filter((row) => row.setOn <= asOf).sort((a, b) => a.streamVersion - b.streamVersion);
  const latest = known[known.length - 1];
  if (latest === undefined) return null;
  const { streamVersion: _version, ...aspiration } = latest;
  return aspiration;
}

function statusAsOf(record: CareerRecord, asOf: string): PersonStatus {
  const { erasedOn, offboardedOn } = record.person;
  if (erasedOn != null && erasedOn <= asOf) return 'erased';
  if (offboardedOn != null && offboardedOn <= asOf) return 'offboarded';
  return 'active';
}

/**
 * The career as it stood on `asOf`: jobs started by then (ended by then only if their end
 * or the offboarding came by then), promotions and education effective or completed by
 * then, the aspiration and org attributes recorded by then. See the career README for the
 * definitions of experience, stage and promotion velocity.
 */
export function buildCareerTimeline(record: CareerRecord, asOf: string): CareerTimeline {
  const { person } = record;
  const offboardedOn = person.offboardedOn != null && person.offboardedOn <= asOf ? person.offboardedOn : null;
  const placed = placeJobs(record.jobs, record.promotions ?? [], person.offboardedOn ?? null, asOf);
  const jobs = placed.map((p) => p.job);
  const totalExperienceDays = coveredDays(placed.map((p) => p.interval));
  const promotions = jobs.flatMap((job) => job.promotions).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const aspiration = aspirationAsOf(record.aspirations ?? [], asOf);
  const inField = aspiration === null ? null : coveredDays(placed.filter((p) => sameField(p.job.field, aspiration.field)).map((p) => p.interval));
  const erased = person.erasedOn != null;
  const attributes = record.changes === undefined || record.changes.length === 0
    ? { employeeNumber: person.employeeNumber, orgUnit: person.orgUnit, managerId: person.managerId }
    : foldPersonAttributes(record.changes, { erased, asOf });
  const primary = primaryCurrentJob(jobs);
  return {
    personId: person.personId,
    name: erased || person.givenName === null ? null : `${person.givenName} ${person.familyName ?? ''}`.trim(),
    hireDate: person.hireDate,
    asOf,
    status: statusAsOf(record, asOf),
    employeeNumber: attributes.employeeNumber ?? null,
    orgUnit: attributes.orgUnit ?? null,
    managerId: attributes.managerId ?? null,
    offboardedOn,
    currentTitle: primary?.currentTitle ?? null,
    currentLevel: primary?.currentLevel ?? null,
    jobs,
    promotions,
    totalExperienceDays,
    totalExperienceYears: roundTo(totalExperienceDays / YEAR_DAYS, 2),
    stage: careerStage(totalExperienceDays),
    promotionVelocity: promotionVelocity(promotions, totalExperienceDays, asOf),
    aspiration,
    timeInAspirationFieldDays: inField,
    education: (record.education ?? []).filter((e) => e.completedOn <= asOf).sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.educationId.localeCompare(b.educationId)),
  };
}
