import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig } from './base-service.config';
import { EnvVar } from './env-var.decorator';
import { IsPort } from './port.validators';

export class CareerConfig extends BaseServiceConfig {
  @EnvVar({ default: '3002', description: 'HTTP port of the career (read side) service' })
  @IsPort()
  CAREER_PORT!: number;

  get port(): number {
    return this.CAREER_PORT;
  }

  @EnvVar({ default: 'trajectory_career', description: 'Name of the career service\'s own database on the PostgreSQL server (created at start)' })
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  CAREER_DATABASE!: string;

  get databaseName(): string {
    return this.CAREER_DATABASE;
  }

  @EnvVar({
    default: '5000',
    description: 'Longest a career read with minVersion waits for the projection to reflect that version before answering 503 (stays under the gateway\'s 10 s upstream timeout)',
  })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be at least 0' })
  @Max(9000, { message: 'must be at most 9000: the gateway waits 10 s for an answer' })
  CAREER_READ_WAIT_MS!: number;

  @EnvVar({
    default: '10000',
    description: 'Careers the career service keeps in memory between reads, each dropped as soon as a commit notice names its person; 0 reads every career from PostgreSQL',
  })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of careers' })
  @Min(0, { message: 'must be at least 0' })
  @Max(100_000, { message: 'must be at most 100000' })
  CAREER_READ_CACHE_ENTRIES!: number;

  @EnvVar({
    default: '168',
    description: 'Hours the career consumer keeps the ids of the events it applied, to recognise the relay\'s duplicates (pruned hourly); must outlast the longest outage of the profiles relay; 0 keeps them forever',
  })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(0, { message: 'must be at least 0' })
  @Max(8760, { message: 'must be at most 8760 (a year)' })
  CAREER_DEDUPE_RETENTION_HOURS!: number;
}
