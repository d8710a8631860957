import type { PersonalDataEraser } from '@trajectory/profiles/application';

/** What erasure needs of an event store: the crypto-shredding of one subject's key. */
export interface SubjectErasingStore {
  eraseSubject?(subjectId: string): Promise<boolean>;
}

/**
 * Erases a person's PII by deleting their key in the event store: every name and email of
 * theirs in any stored event then reads as null. The key is per person (person ids are
 * unique across tenants) and the stream's tenant was checked before this runs.
 */
export class EventStorePersonalDataEraser implements PersonalDataEraser {
  constructor(private readonly store: SubjectErasingStore) {}

  async erase(_tenantId: string, personId: string): Promise<void> {
    // A store without crypto-shredding holds no key to delete; there is nothing more to do.
    if (this.store.eraseSubject === undefined) return;
    await this.store.eraseSubject(personId);
  }
}
