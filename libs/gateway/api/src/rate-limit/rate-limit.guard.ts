import { HttpException, HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/jwt-auth.guard';
import { TokenBuckets } from './token-buckets';

export class RateLimitedError extends HttpException {
  constructor(retryAfterSeconds: number) {
    super({ code: 'RATE_LIMITED', message: `Too many requests for this token; retry in ${retryAfterSeconds} s.` }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Limits each token — its subject within its tenant — rather than each address: many
 * users share a NAT or an HR system's egress, and one token is one client. Runs after
 * authentication, so requests without a valid token are refused before they count.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(@Inject(TokenBuckets) private readonly buckets: TokenBuckets) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (principal === undefined) return true;
    const result = this.buckets.take(`${principal.tenant}\u0000${principal.subject}`);
    const response = context.switchToHttp().getResponse<Response>();
    if (result.allowed) {
      response.setHeader('RateLimit-Remaining', String(result.remaining));
      return true;
    }
    // Set before throwing: the problem filter writes the body but keeps headers already set.
    response.setHeader('Retry-After', String(result.retryAfterSeconds));
    throw new RateLimitedError(result.retryAfterSeconds);
  }
}
