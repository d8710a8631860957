export * from './decider-spec';
export * from './eventually';
export * from './test-database';
export * from './test-infrastructure';
export * from './test-kafka';
export * from './unique-name';
