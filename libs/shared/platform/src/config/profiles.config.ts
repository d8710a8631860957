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

  get databaseName(): string {
    return 'trajectory_profiles';
  }
}
