import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** Requests no route matched share one label, so scanners cannot explode the series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Middleware rather than an interceptor: it also sees requests that never reach a
 * handler (404s, guards that reject). The route label is read when the response ends,
 * after Express has matched the route, so it is the pattern (`/people/:id`), never the
 * raw URL.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    // Nest mounts middleware as catch-all routes; when no handler route replaces this
    // one (or a sibling middleware's identical one) on the request, nothing matched.
    const ownPath = pathOf(req);
    const stop = this.metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const path = pathOf(req);
      const route = path === undefined || path === ownPath ? UNMATCHED_ROUTE : `${req.baseUrl}${path}`;
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}

function pathOf(req: Request): string | undefined {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : undefined;
}
