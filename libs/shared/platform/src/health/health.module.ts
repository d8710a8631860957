import { Inject, Module, type DynamicModule, type ModuleMetadata, type OnApplicationShutdown } from '@nestjs/common';
import { HEALTH_OPTIONS, HealthController, type HealthModuleOptions } from './health.controller';

export interface HealthModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...deps: never[]) => HealthModuleOptions | Promise<HealthModuleOptions>;
}

/** `GET /health/live` and `GET /health/ready`; closes the checks' own connections on shutdown. */
@Module({})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_OPTIONS) private readonly options: HealthModuleOptions) {}

  static forRoot(options: HealthModuleOptions): DynamicModule {
    return { module: HealthModule, controllers: [HealthController], providers: [{ provide: HEALTH_OPTIONS, useValue: options }] };
  }

  /** For checks built from providers, e.g. the service's pg Pool. */
  static forRootAsync(options: HealthModuleAsyncOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.options.checks.map((c) => c.close?.()));
  }
}
