import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard } from './auth/authorization.guard';
import { DirectReportsLookup } from './auth/direct-reports.lookup';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { JwtVerifier } from './auth/jwt-verifier';
import { PublicApiGuard } from './auth/public-api.guard';
import { GatewayPeopleHttpController } from './http/people.http.controller';
import { GatewayPersonCareerHttpController } from './http/person-career.http.controller';
import { GatewayPersonJobsHttpController } from './http/person-jobs.http.controller';
import { GatewayPersonSelfServiceHttpController } from './http/person-self-service.http.controller';
import { ServiceProxy } from './proxy/service-proxy';
import { UPSTREAMS, type Upstreams } from './proxy/upstreams';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { TokenBuckets, type RateLimitSettings } from './rate-limit/token-buckets';

export interface GatewayApiOptions {
  upstreams: Upstreams;
  jwtSecret: string;
  rateLimit: RateLimitSettings;
}

/** The public API: every route, authentication, the rate limit and the role rules. */
@Module({})
export class GatewayApiModule {
  static forRoot(options: GatewayApiOptions): DynamicModule {
    return {
      module: GatewayApiModule,
      controllers: [GatewayPeopleHttpController, GatewayPersonJobsHttpController, GatewayPersonSelfServiceHttpController, GatewayPersonCareerHttpController],
      providers: [
        { provide: UPSTREAMS, useValue: options.upstreams },
        { provide: JwtVerifier, useValue: new JwtVerifier(options.jwtSecret) },
        { provide: TokenBuckets, useValue: new TokenBuckets(options.rateLimit) },
        ServiceProxy,
        DirectReportsLookup,
        JwtAuthGuard,
        RateLimitGuard,
        AuthorizationGuard,
        { provide: APP_GUARD, useClass: PublicApiGuard },
      ],
    };
  }
}
