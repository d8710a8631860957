import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GatewayPeopleHttpController, JwtAuthGuard, JwtVerifier, ServiceProxy, UPSTREAMS, type Upstreams } from '@trajectory/gateway/api';
import { createLoggerModule, GatewayConfig, HealthModule, loadConfig, MetricsModule, ServiceConfigModule } from '@trajectory/shared/platform';
import { ServiceReadinessCheck } from './service.readiness-check';

const config = loadConfig(GatewayConfig);
const upstreams: Upstreams = { profiles: config.PROFILES_URL, career: config.CAREER_URL };

/** Wiring only: authentication, the public routes and the proxies to the services. */
@Module({
  imports: [
    ServiceConfigModule.forRoot(GatewayConfig),
    createLoggerModule('gateway', { level: config.LOG_LEVEL }),
    MetricsModule,
    HealthModule.forRoot({
      checks: [new ServiceReadinessCheck('profiles', upstreams.profiles), new ServiceReadinessCheck('career', upstreams.career)],
    }),
  ],
  controllers: [GatewayPeopleHttpController],
  providers: [
    { provide: UPSTREAMS, useValue: upstreams },
    { provide: JwtVerifier, useValue: new JwtVerifier(config.JWT_SECRET) },
    ServiceProxy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class GatewayAppModule {}
