import { Module, type DynamicModule } from '@nestjs/common';
import type { ConfigClass } from './env-var.decorator';
import { loadConfig } from './load-config';

/**
 * Makes the validated config injectable by its class, so providers ask for
 * `ProfilesConfig` rather than reading `process.env` themselves.
 */
@Module({})
export class ServiceConfigModule {
  static forRoot<T extends object>(configClass: ConfigClass<T>, env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [{ provide: configClass, useValue: loadConfig(configClass, env) }],
      exports: [configClass],
    };
  }
}
