export * from './event-store.types';
export * from './errors';
export type { AppendBatchingOptions } from './append/append-batcher';
export { buildMetadata, expectedVersionParameter } from './append/prepared-append';
export * from './migrations/create-event-store.migration';
export * from './migrations/event-store.migrations';
export * from './postgres-event-store';
export * from './schema/event-schema.registry';
export * from './upcasting/upcaster.registry';
