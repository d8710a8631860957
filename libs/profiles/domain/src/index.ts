export * from './person.commands';
export * from './person.decider';
export * from './person.errors';
export * from './person.state';
export { OFFBOARDING_JOB_END_REASON } from './person-lifecycle.decide';
