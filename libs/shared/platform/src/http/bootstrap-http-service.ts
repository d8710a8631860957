import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { configureHttpApp, type HttpAppOptions } from './configure-http-app';
import { PrebuiltPrototypesExpressAdapter } from './prebuilt-prototypes.express-adapter';

export interface BootstrapHttpServiceOptions extends HttpAppOptions {
  /** Appears in the start-up line; logs carry it through `createLoggerModule`. */
  serviceName: string;
  /** Usually `config.port` of the service's validated config; 0 picks a free port. */
  port: number;
  /** Defaults to all interfaces, which containers need. */
  host?: string;
  /**
   * Runs after the app is configured and before it listens: where a hybrid app connects
   * and starts its event consumers, so it is never ready before it consumes.
   */
  beforeListen?: (app: NestExpressApplication) => Promise<void>;
}

/**
 * The whole of an app's main.ts:
 *
 *   const config = loadConfig(ProfilesConfig);
 *   await bootstrapHttpService(AppModule, { serviceName: 'profiles', port: config.port });
 *
 * The module must import `createLoggerModule(...)`; it normally also imports
 * `HealthModule` and `MetricsModule`. Logs are buffered until the JSON logger is in
 * place, so even start-up lines are structured.
 */
export async function bootstrapHttpService(
  module: Type<unknown> | DynamicModule,
  options: BootstrapHttpServiceOptions,
): Promise<NestExpressApplication> {
  // abortOnError: false lets start-up errors reject this promise (and so fail main.ts
  // with their message) instead of Nest calling process.exit itself.
  const app = await NestFactory.create<NestExpressApplication>(module, new PrebuiltPrototypesExpressAdapter(), { bufferLogs: true, bodyParser: false, abortOnError: false });
  let logger: Logger;
  try {
    logger = app.get(Logger);
  } catch {
    await app.close();
    throw new Error(`${options.serviceName}: the root module must import createLoggerModule('${options.serviceName}')`);
  }
  app.useLogger(logger);
  configureHttpApp(app, options);
  // SIGTERM from the orchestrator closes pools and consumers through Nest's hooks.
  app.enableShutdownHooks();
  await options.beforeListen?.(app);
  await (options.host === undefined ? app.listen(options.port) : app.listen(options.port, options.host));
  logger.log(`${options.serviceName} listening on ${await app.getUrl()}`, 'Bootstrap');
  return app;
}
