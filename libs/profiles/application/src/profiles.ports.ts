import type { StreamStorePort } from '@trajectory/shared/decider';

/** DI token for the profiles event store; infrastructure binds the PostgreSQL store to it. */
export const PROFILES_EVENT_STORE = Symbol('PROFILES_EVENT_STORE');
export type ProfilesEventStore = StreamStorePort;
