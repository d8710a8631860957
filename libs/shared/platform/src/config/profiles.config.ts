import { Matches } from 'class-validator';
import { BaseServiceConfig } from './base-service.config';
import { EnvVar } from './env-var.decorator';
import { IsPort } from './port.validators';

export class ProfilesConfig extends BaseServiceConfig {
  @EnvVar({ default: '3001', description: 'HTTP port of the profiles service' })
  @IsPort()
  PROFILES_PORT!: number;

  get port(): number {
    return this.PROFILES_PORT;
  }

  @EnvVar({ default: 'trajectory_profiles', description: 'Name of the profiles service\'s own database on the PostgreSQL server (created at start)' })
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  PROFILES_DATABASE!: string;

  get databaseName(): string {
    return this.PROFILES_DATABASE;
  }
}
