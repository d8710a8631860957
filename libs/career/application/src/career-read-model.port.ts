import type { JobEndedV1, JobStartedV1, PersonRegisteredV1 } from '@trajectory/contracts/profiles';
import type { CareerJobRow, CareerPersonRow } from './career-timeline';

/** A transaction handle owned by infrastructure; application code only passes it on. */
export type ReadModelTransaction = unknown;

/**
 * Writes are upserts keyed by ids, so events of one person may arrive in any order
 * (JobEnded before JobStarted after a rebuild from several sources) and still converge.
 */
export interface CareerReadModelPort {
  recordPersonRegistered(tx: ReadModelTransaction, tenantId: string, data: PersonRegisteredV1): Promise<void>;
  recordJobStarted(tx: ReadModelTransaction, tenantId: string, data: JobStartedV1): Promise<void>;
  recordJobEnded(tx: ReadModelTransaction, tenantId: string, data: JobEndedV1): Promise<void>;
  findPerson(tenantId: string, personId: string): Promise<{ person: CareerPersonRow; jobs: CareerJobRow[] } | undefined>;
}

export const CAREER_READ_MODEL = Symbol('CAREER_READ_MODEL');
