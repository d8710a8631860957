import { decidePersonAccess, PERSON_ACTIONS, type AccessDecision, type PersonAction, type Relation } from './person-access.policy';
import type { Role } from './principal';

const reads: PersonAction[] = ['read', 'read-career'];
const selfWrites: PersonAction[] = ['add-education', 'set-aspiration'];
const hrOnly: PersonAction[] = ['update', 'offboard', 'erase', 'start-job', 'end-job', 'promote'];

function expectAll(roles: Role[], relation: Relation, actions: PersonAction[], decision: AccessDecision): void {
  for (const action of actions) expect([action, decidePersonAccess(roles, relation, action)]).toEqual([action, decision]);
}

describe('decidePersonAccess', () => {
  it('covers every action in these tests', () => {
    expect([...reads, ...selfWrites, ...hrOnly].sort()).toEqual([...PERSON_ACTIONS].sort());
  });

  it('lets hr-admin do everything to anyone', () => {
    for (const relation of ['self', 'direct-report', 'other'] as const) expectAll(['hr-admin'], relation, [...PERSON_ACTIONS], 'allow');
  });

  it('lets employees read themselves and record their education and aspiration', () => {
    expectAll(['employee'], 'self', [...reads, ...selfWrites], 'allow');
  });

  it('answers 403 for HR records of the employee themselves', () => {
    expectAll(['employee'], 'self', hrOnly, 'forbidden');
  });

  it('hides other people from employees as if they did not exist', () => {
    expectAll(['employee'], 'other', [...reads, ...selfWrites], 'hidden');
  });

  it('answers 403, not 404, for actions the role never has, whoever the person', () => {
    expectAll(['employee'], 'other', hrOnly, 'forbidden');
    expectAll(['manager'], 'direct-report', hrOnly, 'forbidden');
  });

  it('lets managers read their direct reports but not write to them', () => {
    expectAll(['manager'], 'direct-report', reads, 'allow');
    expectAll(['manager'], 'direct-report', selfWrites, 'forbidden');
  });

  it('treats managers like employees for themselves and hides everyone else', () => {
    expectAll(['manager'], 'self', [...reads, ...selfWrites], 'allow');
    expectAll(['manager'], 'other', [...reads, ...selfWrites], 'hidden');
  });

  it('does not let an employee token read someone because they are related as report', () => {
    expectAll(['employee'], 'direct-report', reads, 'hidden');
  });

  it.each([['analyst'], ['mentor']] as const)('gives %s no individual records', (role) => {
    for (const relation of ['self', 'direct-report', 'other'] as const) expectAll([role], relation, [...PERSON_ACTIONS], 'forbidden');
  });

  it('grants the union of several roles', () => {
    expectAll(['analyst', 'employee'], 'self', [...reads, ...selfWrites], 'allow');
    expectAll(['employee', 'manager'], 'direct-report', reads, 'allow');
  });
});
