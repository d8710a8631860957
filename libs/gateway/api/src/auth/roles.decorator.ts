import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './jwt-auth.guard';
import type { Principal, Role } from './principal';

export const ROLES_KEY = 'trajectory:roles';
export const PUBLIC_ROUTE = 'trajectory:public';

/** Any one of the listed roles grants access. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
