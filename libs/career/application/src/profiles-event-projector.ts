import { profilesEventUpcasters } from '@trajectory/contracts/profiles';
import type { CareerProjectionPort, ProjectedEvent, ReadModelTransaction } from './career-projection.port';

/**
 * Brings an event's data from the schema version it was published at to the newest one
 * the projection reads, with the contracts' own upcasters (step n → n+1), so an old
 * message still on the topic is projected like a fresh one.
 */
export function upcastProfilesData(type: string, schemaVersion: number, data: unknown): unknown {
  let current = data;
  for (let version = schemaVersion; ; version++) {
    const step = profilesEventUpcasters.find((u) => u.type === type && u.fromVersion === version);
    if (step === undefined) return current;
    current = step.upcast(current as never);
  }
}

/**
 * Applies one profiles event by type name (data already in its newest shape). Returns
 * whether the type is projected at all: the rebuild skips the others, as the consumer does.
 */
export async function projectProfilesEvent(
  projection: CareerProjectionPort,
  tx: ReadModelTransaction,
  type: string,
  event: ProjectedEvent<unknown>,
): Promise<boolean> {
  // The casts are the contract: the store validated the data against the type's schema.
  const as = <Data>() => event as ProjectedEvent<Data>;
  switch (type) {
    case 'PersonRegistered': await projection.personRegistered(tx, as()); return true;
    case 'PersonUpdated': await projection.personUpdated(tx, as()); return true;
    case 'PersonOffboarded': await projection.personOffboarded(tx, as()); return true;
    case 'PersonErased': await projection.personErased(tx, as()); return true;
    case 'JobStarted': await projection.jobStarted(tx, as()); return true;
    case 'JobEnded': await projection.jobEnded(tx, as()); return true;
    case 'Promoted': await projection.promoted(tx, as()); return true;
    case 'EducationAdded': await projection.educationAdded(tx, as()); return true;
    case 'AspirationSet': await projection.aspirationSet(tx, as()); return true;
    default: return false;
  }
}
