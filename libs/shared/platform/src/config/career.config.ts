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

  get databaseName(): string {
    return 'trajectory_career';
  }
}
