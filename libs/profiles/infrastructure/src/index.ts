export * from './event-store.personal-data-eraser';
export * from './profiles-event-store.factory';
