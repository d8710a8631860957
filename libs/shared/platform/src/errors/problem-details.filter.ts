import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { correlationIdOf, requestIdOf } from '../logging/request-ids';
import { PROBLEM_JSON, type ProblemDetails } from './problem-details';
import { problemFor } from './problem-mapping';

/**
 * Answers every HTTP error as RFC 9457 problem+json. Unexpected errors are logged with
 * their stack and answered with a generic text: their messages may hold SQL, paths or
 * data, which a client must never see.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    // RPC and WebSocket transports answer differently; this filter speaks HTTP only.
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { unexpected, retryAfterSeconds, ...mapped } = problemFor(exception);
    const requestId = requestIdOf(req);
    if (unexpected) {
      const err = exception instanceof Error ? exception : new Error(`Non-error thrown: ${String(exception)}`);
      // At info and below the line is written through the request's own logger, which
      // already names the request; at warn and above it is not, so the line names it here
      // (as the 5xx line does), and the stack can be found from the requestId a client reports.
      const bound = (req as { log?: unknown }).log !== undefined;
      const context = bound ? {} : { req: { id: requestId, method: req.method, url: req.originalUrl ?? req.url }, correlationId: correlationIdOf(req) };
      this.logger.error({ err, ...context }, 'unexpected error');
    }
    const body: ProblemDetails = {
      ...mapped,
      instance: (req.originalUrl ?? req.url).split('?')[0] ?? '/',
      ...(requestId === undefined ? {} : { requestId }),
    };
    if (res.headersSent) {
      // Too late to change the status; ending the response is all that is left.
      res.end();
      return;
    }
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(body.status).type(PROBLEM_JSON).send(JSON.stringify(body));
  }
}
