import { Type } from 'class-transformer';
import { IsInt, Max, Min, MinLength } from 'class-validator';
import { CommonConfig } from './common.config';
import { EnvVar } from './env-var.decorator';
import { IsUrlWithProtocol, NotDefaultInProduction } from './env-validators';
import { IsPort } from './port.validators';

/** Known to everyone who reads the source: fine on a laptop, refused in production. */
export const LOCAL_JWT_SECRET = 'trajectory-local-development-secret-change-me';

/**
 * The gateway owns no data, so it has neither DATABASE_URL nor KAFKA_BROKERS: it sends
 * commands and queries to the services over HTTP.
 */
export class GatewayConfig extends CommonConfig {
  @EnvVar({ default: '3000', description: 'HTTP port of the gateway (the public entry point)' })
  @IsPort()
  GATEWAY_PORT!: number;

  @EnvVar({ default: 'http://127.0.0.1:3001', description: 'Internal base URL of the profiles service' })
  @IsUrlWithProtocol(['http:', 'https:'])
  PROFILES_URL!: string;

  @EnvVar({ default: 'http://127.0.0.1:3002', description: 'Internal base URL of the career service' })
  @IsUrlWithProtocol(['http:', 'https:'])
  CAREER_URL!: string;

  @EnvVar({
    default: LOCAL_JWT_SECRET,
    description: 'HS256 secret for bearer tokens, at least 32 characters; the local default is refused when NODE_ENV=production',
    secret: true,
  })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @NotDefaultInProduction(LOCAL_JWT_SECRET)
  JWT_SECRET!: string;

  @EnvVar({ default: '100', description: 'Requests per second each token (subject and tenant) may make on average; more are answered 429 with Retry-After' })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of requests per second' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000, { message: 'must be at most 100000' })
  RATE_LIMIT_PER_SECOND!: number;

  @EnvVar({ default: '200', description: 'Requests a token may make at once before the per-second rate applies (the token bucket size)' })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  RATE_LIMIT_BURST!: number;

  get port(): number {
    return this.GATEWAY_PORT;
  }
}
