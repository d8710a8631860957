import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './jwt-auth.guard';
import type { PersonAction } from './person-access.policy';
import type { Principal, Role } from './principal';

export const ROLES_KEY = 'trajectory:roles';
export const PERSON_ACTION_KEY = 'trajectory:person-action';
export const PUBLIC_ROUTE = 'trajectory:public';

/** Any one of the listed roles grants access (routes that are not about one person). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** The route acts on the person in its `:personId` parameter; see decidePersonAccess. */
export const PersonAccess = (action: PersonAction) => SetMetadata(PERSON_ACTION_KEY, action);
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
