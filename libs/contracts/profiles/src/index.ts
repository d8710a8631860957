export * from './events/job-ended.event';
export * from './events/job-started.event';
export * from './events/person-registered.event';
export * from './profiles-event';
export * from './profiles-topic';
