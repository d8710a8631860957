import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HealthController, MetricsController } from '@trajectory/shared/platform';
import type { Request } from 'express';
import { JwtVerifier } from './jwt-verifier';
import type { Principal } from './principal';
import { PUBLIC_ROUTE } from './roles.decorator';

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** Probes and scrapes come from the platform, not from callers with tokens. */
const OPERATIONAL_CONTROLLERS: ReadonlySet<unknown> = new Set([HealthController, MetricsController]);

/** Authenticates every route not marked @PublicRoute(): sets `request.principal` or answers 401. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(@Inject(JwtVerifier) private readonly verifier: JwtVerifier, @Inject(Reflector) private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (OPERATIONAL_CONTROLLERS.has(context.getClass())) return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.header('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) throw new UnauthorizedException('A bearer token is required.');
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      throw new UnauthorizedException((error as Error).message);
    }
    return true;
  }
}
