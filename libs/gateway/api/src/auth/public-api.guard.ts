import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { AuthorizationGuard } from './authorization.guard';
import { JwtAuthGuard } from './jwt-auth.guard';

/**
 * The gateway's one global guard, so the order is explicit rather than left to provider
 * registration: who is calling (401), are they calling too often (429), may they do this
 * (403/404). Counting before authorizing means refused requests use up the budget too.
 */
@Injectable()
export class PublicApiGuard implements CanActivate {
  constructor(
    @Inject(JwtAuthGuard) private readonly authentication: JwtAuthGuard,
    @Inject(RateLimitGuard) private readonly rateLimit: RateLimitGuard,
    @Inject(AuthorizationGuard) private readonly authorization: AuthorizationGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    return (await this.authentication.canActivate(context)) && this.rateLimit.canActivate(context) && (await this.authorization.canActivate(context));
  }
}
