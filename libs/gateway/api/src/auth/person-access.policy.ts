import type { Role } from './principal';

/** What a route does to one person's record. */
export const PERSON_ACTIONS = [
  'read',
  'read-career',
  'update',
  'offboard',
  'erase',
  'start-job',
  'end-job',
  'promote',
  'add-education',
  'set-aspiration',
] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/** How the caller stands to the person they ask about. */
export type Relation = 'self' | 'direct-report' | 'other';

/** allow; forbidden → 403; hidden → 404, answered exactly like a person that does not exist. */
export type AccessDecision = 'allow' | 'forbidden' | 'hidden';

/**
 * Self-service: what people record about themselves. Their jobs, promotions, org data and
 * exit are HR's records of the employment, so HR keeps them; learning and ambitions are the
 * person's own.
 */
export const SELF_SERVICE_ACTIONS: ReadonlySet<PersonAction> = new Set(['read', 'read-career', 'add-education', 'set-aspiration']);
/** Managers follow their direct reports' careers; they do not edit them. */
export const MANAGER_ACTIONS: ReadonlySet<PersonAction> = new Set(['read', 'read-career']);

const hasPersonalRole = (roles: readonly Role[]) => roles.includes('employee') || roles.includes('manager');

function allowedFor(roles: readonly Role[], relation: Relation, action: PersonAction): boolean {
  if (relation === 'self' && hasPersonalRole(roles)) return SELF_SERVICE_ACTIONS.has(action);
  if (relation === 'direct-report' && roles.includes('manager')) return MANAGER_ACTIONS.has(action);
  return false;
}

/** Whether the action is one these roles may perform on anybody at all. */
export function mayEverPerform(roles: readonly Role[], action: PersonAction): boolean {
  return roles.includes('hr-admin') || (hasPersonalRole(roles) && SELF_SERVICE_ACTIONS.has(action));
}

/**
 * The rules, for callers in the person's own tenant (another tenant's person is a 404 from
 * the service itself):
 * - hr-admin may do everything;
 * - an action the caller's roles never allow is 403 whatever the person: that answer says
 *   nothing about who exists;
 * - a person the caller may see (themselves; a manager's direct report) but not change
 *   this way is 403: they know the person exists already;
 * - anyone else is 404, so that ids cannot be probed for existence or for who reports to
 *   whom.
 * Analysts and mentors get no individual records (aggregates and programmes come later).
 */
export function decidePersonAccess(roles: readonly Role[], relation: Relation, action: PersonAction): AccessDecision {
  if (roles.includes('hr-admin')) return 'allow';
  if (!mayEverPerform(roles, action)) return 'forbidden';
  if (allowedFor(roles, relation, action)) return 'allow';
  const visible = (relation === 'self' && hasPersonalRole(roles)) || (relation === 'direct-report' && roles.includes('manager'));
  return visible ? 'forbidden' : 'hidden';
}
