import type { StreamStorePort } from '@trajectory/shared/decider';

/** DI token for the profiles event store; infrastructure binds the PostgreSQL store to it. */
export const PROFILES_EVENT_STORE = Symbol('PROFILES_EVENT_STORE');
export type ProfilesEventStore = StreamStorePort;

/**
 * Destroys what personal data of a person is kept outside the events' anonymous history
 * (their PII key, for crypto-shredding). Must be idempotent: erasure retries call it again.
 */
export interface PersonalDataEraser {
  erase(tenantId: string, personId: string): Promise<void>;
}
export const PERSONAL_DATA_ERASER = Symbol('PERSONAL_DATA_ERASER');

/** The clock, injected so use cases that stamp times stay testable. */
export type Clock = () => Date;
