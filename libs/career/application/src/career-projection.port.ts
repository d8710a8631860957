import type {
  AspirationSetV1,
  EducationAddedV1,
  JobEndedV1,
  JobStartedV2,
  PersonErasedV1,
  PersonOffboardedV1,
  PersonRegisteredV2,
  PersonUpdatedV1,
  PromotedV1,
} from '@trajectory/contracts/profiles';

/** A transaction handle owned by infrastructure; application code only passes it on. */
export type ReadModelTransaction = unknown;

/**
 * One profiles event as the projection needs it, whether it came from Kafka or straight
 * from the profiles event store during a rebuild: the same facts give the same rows.
 */
export interface ProjectedEvent<Data> {
  eventId: string;
  tenantId: string;
  /** Version of the event in its person's stream: orders a person's changes whatever the arrival order. */
  streamVersion: number;
  /** When the event was recorded (ISO timestamp): the effective time of facts that carry no date. */
  recordedAt: string;
  data: Data;
}

/**
 * Writes are idempotent upserts keyed by ids and stream versions, so events of one person
 * may arrive in any order or more than once (redelivery, a rebuild overlapping the live
 * consumer) and still converge on the same rows.
 */
export interface CareerProjectionPort {
  personRegistered(tx: ReadModelTransaction, event: ProjectedEvent<PersonRegisteredV2>): Promise<void>;
  personUpdated(tx: ReadModelTransaction, event: ProjectedEvent<PersonUpdatedV1>): Promise<void>;
  personOffboarded(tx: ReadModelTransaction, event: ProjectedEvent<PersonOffboardedV1>): Promise<void>;
  personErased(tx: ReadModelTransaction, event: ProjectedEvent<PersonErasedV1>): Promise<void>;
  jobStarted(tx: ReadModelTransaction, event: ProjectedEvent<JobStartedV2>): Promise<void>;
  jobEnded(tx: ReadModelTransaction, event: ProjectedEvent<JobEndedV1>): Promise<void>;
  promoted(tx: ReadModelTransaction, event: ProjectedEvent<PromotedV1>): Promise<void>;
  educationAdded(tx: ReadModelTransaction, event: ProjectedEvent<EducationAddedV1>): Promise<void>;
  aspirationSet(tx: ReadModelTransaction, event: ProjectedEvent<AspirationSetV1>): Promise<void>;
}

export const CAREER_PROJECTION = Symbol('CAREER_PROJECTION');
