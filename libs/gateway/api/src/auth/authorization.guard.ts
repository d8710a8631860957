import { ForbiddenException, Inject, Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestValidationError } from '@trajectory/shared/platform';
import { DirectReportsLookup } from './direct-reports.lookup';
import type { AuthenticatedRequest } from './jwt-auth.guard';
import { decidePersonAccess, mayEverPerform, type PersonAction, type Relation } from './person-access.policy';
import type { Principal, Role } from './principal';
import { PERSON_ACTION_KEY, ROLES_KEY } from './roles.decorator';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What a person outside the caller's reach looks like: the same as one that does not exist. */
export class PersonHiddenError extends NotFoundException {
  constructor() {
    super({ code: 'PERSON_NOT_FOUND', message: 'No such person.' });
  }
}

/** Checks @Roles() and @PersonAccess() on authenticated requests (see person-access.policy). */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector, @Inject(DirectReportsLookup) private readonly reports: DirectReportsLookup) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (principal === undefined) return true;
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required !== undefined && !required.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`This needs one of the roles: ${required.join(', ')}.`);
    }
    const action = this.reflector.getAllAndOverride<PersonAction | undefined>(PERSON_ACTION_KEY, targets);
    if (action !== undefined) {
      const personId = request.params['personId'];
      await this.authorizePerson(principal, typeof personId === 'string' ? personId : undefined, action);
    }
    return true;
  }

  private async authorizePerson(principal: Principal, personId: string | undefined, action: PersonAction): Promise<void> {
    // Checked here, before any lookup, because guards run before parameter pipes.
    if (personId === undefined || !UUID_V4.test(personId)) throw new RequestValidationError([{ field: 'personId', message: 'personId must be a UUID (version 4)' }]);
    if (!mayEverPerform(principal.roles, action)) throw new ForbiddenException(`Your roles (${principal.roles.join(', ')}) may not ${action.replace('-', ' ')} here.`);
    const decision = decidePersonAccess(principal.roles, await this.relationOf(principal, personId, action), action);
    if (decision === 'forbidden') throw new ForbiddenException(`Your roles (${principal.roles.join(', ')}) may not ${action.replace('-', ' ')} for this person.`);
    if (decision === 'hidden') throw new PersonHiddenError();
  }

  private async relationOf(principal: Principal, personId: string, action: PersonAction): Promise<Relation> {
    if (principal.roles.includes('hr-admin')) return 'other';
    if (principal.personId !== undefined && principal.personId.toLowerCase() === personId.toLowerCase()) return 'self';
    if (principal.roles.includes('manager') && mayEverPerform(principal.roles, action)) {
      return (await this.reports.isDirectReport(principal, personId.toLowerCase())) ? 'direct-report' : 'other';
    }
    return 'other';
  }
}
