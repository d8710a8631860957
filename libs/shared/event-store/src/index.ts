export * from './event-store.types';
