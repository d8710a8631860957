import { Inject, Injectable, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoRoot } from 'pino';
import { assignRequestIds, correlationIdOf } from './request-ids';

const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Request logging for the levels that leave successful requests and client errors out
 * (warn and above). pino-http gives every request two child loggers with the request
 * serialized into their bindings before it knows whether it will log anything; that was
 * about a third of what a request left behind for the garbage collector to copy, in every
 * app on every request. Here a request gets its ids, and a line only if it fails (5xx),
 * in the shape pino-http writes.
 */
@Injectable()
class FailedRequestLoggingMiddleware implements NestMiddleware {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: PinoRoot) {}

  use(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
    const id = assignRequestIds(req, res);
    req.id = id;
    const startedAt = Date.now();
    res.once('finish', () => {
      if (res.statusCode < 500) return;
      this.logger.error(
        {
          req: { id, method: req.method, url: req.url },
          res: { statusCode: res.statusCode },
          correlationId: correlationIdOf(req),
          responseTime: Date.now() - startedAt,
        },
        'request errored',
      );
    });
    next();
  }
}

@Module({})
class FailedRequestLoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FailedRequestLoggingMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

/**
 * nestjs-pino without pino-http: Nest's and the app's log lines go to `root`, and
 * requests are logged by the middleware above. nestjs-pino's own middleware is mounted on
 * no route: with no per-request logger to bind it would only enter an AsyncLocalStorage
 * context per request, and on Node 20 a live AsyncLocalStorage runs a hook on every
 * promise the process creates.
 */
export function failedRequestLoggingModule(root: PinoRoot): DynamicModule {
  return {
    module: FailedRequestLoggingModule,
    imports: [LoggerModule.forRoot({ pinoHttp: { logger: root }, useExisting: true, forRoutes: [] })],
    providers: [{ provide: ROOT_LOGGER, useValue: root }, FailedRequestLoggingMiddleware],
  };
}
