import { ApiProperty } from '@nestjs/swagger';
import { AspirationResource, EducationResource } from './person-resource.docs';

const STATUSES = ['active', 'offboarded', 'erased'];
const STAGES = ['early', 'mid', 'senior'];

export class CareerPromotionResource {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ example: '2023-01-01', format: 'date' }) effectiveDate!: string;
  @ApiProperty({ example: 'Senior Engineer' }) title!: string;
  @ApiProperty({ example: 4 }) level!: number;
  @ApiProperty({ example: 3 }) previousLevel!: number;
}

export class CareerJobResource {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ example: 'Software Engineer', description: 'The title the job started with.' }) title!: string;
  @ApiProperty({ example: 'Platform Engineering' }) employer!: string;
  @ApiProperty({ example: 'full-time' }) employmentType!: string;
  @ApiProperty({ example: 'engineering', nullable: true, type: String }) field!: string | null;
  @ApiProperty({ example: 3, nullable: true, type: Number }) level!: number | null;
  @ApiProperty({ example: 'Senior Engineer', description: 'After promotions effective by asOf.' }) currentTitle!: string;
  @ApiProperty({ example: 4, nullable: true, type: Number }) currentLevel!: number | null;
  @ApiProperty({ example: '2021-03-01', format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'null while current (as of asOf).' }) endDate!: string | null;
  @ApiProperty({ example: true }) current!: boolean;
  @ApiProperty({ example: 912, description: 'Days in the job up to its end or asOf, both inclusive.' }) durationDays!: number;
  @ApiProperty({ type: [CareerPromotionResource] }) promotions!: CareerPromotionResource[];
}

export class PromotionVelocityResource {
  @ApiProperty({ example: 2 }) promotions!: number;
  @ApiProperty({ example: 2, description: 'Ladder levels climbed (a promotion may skip one).' }) levelsGained!: number;
  @ApiProperty({ example: 0.45, nullable: true, type: Number, description: 'Promotions per year of experience.' }) perYearOfExperience!: number | null;
  @ApiProperty({ example: 26.3, nullable: true, type: Number }) averageMonthsBetweenPromotions!: number | null;
  @ApiProperty({ example: 7.9, nullable: true, type: Number }) monthsSinceLastPromotion!: number | null;
}

export class CareerAspirationResource extends AspirationResource {
  @ApiProperty({ example: '2025-03-14', format: 'date', description: 'The day it was recorded; an aspiration counts from then on.' }) setOn!: string;
}

export class CareerTimelineResource {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String, description: 'null once the person is erased.' }) name!: string | null;
  @ApiProperty({ example: '2020-01-06', format: 'date', nullable: true, type: String }) hireDate!: string | null;
  @ApiProperty({ example: '2024-01-01', format: 'date', description: 'The day the timeline describes (today unless asked).' }) asOf!: string;
  @ApiProperty({ enum: STATUSES, example: 'active' }) status!: string;
  @ApiProperty({ example: 'E-1042', nullable: true, type: String }) employeeNumber!: string | null;
  @ApiProperty({ example: 'Platform Engineering', nullable: true, type: String }) orgUnit!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) managerId!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) offboardedOn!: string | null;
  @ApiProperty({ example: 'Senior Engineer', nullable: true, type: String }) currentTitle!: string | null;
  @ApiProperty({ example: 4, nullable: true, type: Number }) currentLevel!: number | null;
  @ApiProperty({ type: [CareerJobResource], description: 'Jobs started by asOf, oldest first.' }) jobs!: CareerJobResource[];
  @ApiProperty({ type: [CareerPromotionResource], description: 'Every promotion, oldest first.' }) promotions!: CareerPromotionResource[];
  @ApiProperty({ example: 1461, description: 'Days covered by at least one job; overlaps count once.' }) totalExperienceDays!: number;
  @ApiProperty({ example: 4, description: 'totalExperienceDays in years of 365.25 days.' }) totalExperienceYears!: number;
  @ApiProperty({ enum: STAGES, description: 'From experience: early under 3 years, mid under 8, senior from 8.' }) stage!: string;
  @ApiProperty({ type: PromotionVelocityResource }) promotionVelocity!: PromotionVelocityResource;
  @ApiProperty({ type: CareerAspirationResource, nullable: true }) aspiration!: CareerAspirationResource | null;
  @ApiProperty({ example: 1200, nullable: true, type: Number, description: "Experience in jobs of the aspiration's field; null without an aspiration." })
  timeInAspirationFieldDays!: number | null;
  @ApiProperty({ type: [EducationResource], description: 'Completed by asOf.' }) education!: EducationResource[];
}

export class PersonSummaryResource {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String }) name!: string | null;
  @ApiProperty({ example: 'Platform Engineering', nullable: true, type: String }) orgUnit!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) managerId!: string | null;
  @ApiProperty({ enum: STATUSES, example: 'active' }) status!: string;
  @ApiProperty({ example: 'Senior Engineer', nullable: true, type: String }) currentTitle!: string | null;
  @ApiProperty({ enum: STAGES }) stage!: string;
}

export class PeoplePageResource {
  @ApiProperty({ type: [PersonSummaryResource] }) items!: PersonSummaryResource[];
  @ApiProperty({ example: 1, minimum: 1 }) page!: number;
  @ApiProperty({ example: 50, minimum: 1, maximum: 200 }) pageSize!: number;
  @ApiProperty({ example: 312, description: 'People matching the filters, over all pages.' }) total!: number;
}
