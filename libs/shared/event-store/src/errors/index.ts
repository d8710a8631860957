export * from './concurrency.error';
export * from './duplicate-event.error';
export * from './event-schema-violation.error';
export * from './event-store.error';
export * from './missing-upcaster.error';
export * from './stream-tenant-mismatch.error';
export * from './unknown-event-type.error';
