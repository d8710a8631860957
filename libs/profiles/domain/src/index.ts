export * from './person.commands';
export * from './person.decider';
export * from './person.errors';
export * from './person.state';
