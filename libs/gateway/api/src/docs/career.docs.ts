import { ApiProperty } from '@nestjs/swagger';

export class CareerJobResource {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ example: 'Software Engineer' }) title!: string;
  @ApiProperty({ example: 'Platform Engineering' }) employer!: string;
  @ApiProperty({ example: 'full-time' }) employmentType!: string;
  @ApiProperty({ example: '2021-03-01', format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'null while current (as of asOf).' }) endDate!: string | null;
  @ApiProperty({ example: true }) current!: boolean;
  @ApiProperty({ example: 912, description: 'Days in the job up to its end or asOf, both inclusive.' }) durationDays!: number;
}

export class CareerTimelineResource {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String, description: 'null once the person is erased.' }) name!: string | null;
  @ApiProperty({ example: '2020-01-06', format: 'date', nullable: true, type: String }) hireDate!: string | null;
  @ApiProperty({ example: '2024-01-01', format: 'date', description: 'The day the timeline describes (today unless asked).' }) asOf!: string;
  @ApiProperty({ type: [CareerJobResource], description: 'Jobs started by asOf, oldest first.' }) jobs!: CareerJobResource[];
  @ApiProperty({ example: 1461, description: 'Days covered by at least one job; overlaps count once.' }) totalExperienceDays!: number;
  @ApiProperty({ enum: ['early', 'mid', 'senior'], description: 'early under 3 years of experience, mid under 8, senior from 8.' }) stage!: string;
}

export class PersonSummaryResource {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String }) name!: string | null;
  @ApiProperty({ example: 'Platform Engineering', nullable: true, type: String }) orgUnit!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) managerId!: string | null;
}

export class PeoplePageResource {
  @ApiProperty({ type: [PersonSummaryResource] }) items!: PersonSummaryResource[];
  @ApiProperty({ example: 1, minimum: 1 }) page!: number;
  @ApiProperty({ example: 20, minimum: 1 }) pageSize!: number;
  @ApiProperty({ example: 312, description: 'People matching the filters, over all pages.' }) total!: number;
}
