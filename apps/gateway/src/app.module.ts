import { Module } from '@nestjs/common';
import { GatewayApiModule, type Upstreams } from '@trajectory/gateway/api';
import { createLoggerModule, GatewayConfig, HealthModule, loadConfig, MetricsModule, ServiceConfigModule } from '@trajectory/shared/platform';
import { ServiceReadinessCheck } from './service.readiness-check';

const config = loadConfig(GatewayConfig);
const upstreams: Upstreams = { profiles: config.PROFILES_URL, career: config.CAREER_URL };

/** Wiring only: the public API (authentication, rate limit, roles, routes) and its upstream services. */
@Module({
  imports: [
    ServiceConfigModule.forRoot(GatewayConfig),
    createLoggerModule('gateway', { level: config.LOG_LEVEL }),
    MetricsModule,
    HealthModule.forRoot({
      checks: [new ServiceReadinessCheck('profiles', upstreams.profiles), new ServiceReadinessCheck('career', upstreams.career)],
    }),
    GatewayApiModule.forRoot({
      upstreams,
      jwtSecret: config.JWT_SECRET,
      rateLimit: { ratePerSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST },
    }),
  ],
})
export class GatewayAppModule {}
