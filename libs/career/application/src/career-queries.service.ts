import { DomainError } from '@trajectory/shared/decider';
import type { CareerChangesPort } from './career-changes.port';
import type { CareerReadModelPort, PeoplePageRequest } from './career-read-model.port';
import type { CareerRecord } from './career-records';
import type { CareerStage } from './timeline/career-stage';
import { buildCareerTimeline, type CareerTimeline } from './timeline/career-timeline';

export class CareerNotFoundError extends DomainError {
  readonly code = 'CAREER_NOT_FOUND';
  override readonly kind = 'not-found';
}

export interface PersonSummary {
  personId: string;
  /** Null once the person is erased. */
  name: string | null;
  orgUnit: string | null;
  managerId: string | null;
  status: CareerTimeline['status'];
  currentTitle: string | null;
  stage: CareerStage;
}

/**
 * The career has not caught up with the version a reader asked for within the wait: the
 * read model is behind (the write is still on its way), so asking again later helps.
 */
export class CareerNotCaughtUpError extends DomainError {
  readonly code = 'CAREER_NOT_CAUGHT_UP';
  override readonly kind = 'unavailable';
  readonly retryAfterSeconds = 1;
}

/** How readers asking for a version the career lacks yet are made to wait for it. */
export interface CareerWaiting {
  changes: CareerChangesPort;
  /** Longest wait before CareerNotCaughtUpError. */
  maxWaitMs: number;
  /**
   * Reads that may wait at once (default 1000); past it a read that would wait is answered
   * CareerNotCaughtUpError at once, so waiting reads cannot pile up without bound.
   */
  maxWaiting?: number;
}

const DEFAULT_MAX_WAITING = 1000;

/** A timeline with the newest version of the person's stream it reflects (the answer's ETag). */
export interface VersionedCareerTimeline {
  timeline: CareerTimeline;
  version: number;
}

export interface PeoplePage {
  items: PersonSummary[];
  page: number;
  pageSize: number;
  total: number;
}

const versionOf = (record: CareerRecord): number => record.person.projectedVersion ?? 0;

const today = (): string => new Date().toISOString().slice(0, 10);

export class CareerQueriesService {
  /** Reads now waiting for a version. */
  private waitingReads = 0;

  constructor(
    private readonly readModel: CareerReadModelPort,
    private readonly clock: () => string = today,
    /** Without it a reader asking for a version the career lacks is answered at once. */
    private readonly waiting?: CareerWaiting,
  ) {}

  async timeline(tenantId: string, personId: string, asOf?: string): Promise<CareerTimeline> {
    return (await this.versionedTimeline(tenantId, personId, asOf)).timeline;
  }

  /**
   * Read-your-writes: with `minVersion` (a version of the person's stream a write answered),
   * a career that does not reflect it yet (or no career yet: the registration may still be
   * on its way) is read again each time the projection signals a change of the person,
   * until it does or the wait is over.
   */
  async versionedTimeline(tenantId: string, personId: string, asOf?: string, minVersion?: number): Promise<VersionedCareerTimeline> {
    const found = minVersion === undefined ? await this.readModel.findCareer(tenantId, personId) : await this.findAtLeast(tenantId, personId, minVersion);
    if (found === undefined) throw new CareerNotFoundError('No career is known for this person.', { personId });
    return { timeline: buildCareerTimeline(found, asOf ?? this.clock()), version: versionOf(found) };
  }

  private async findAtLeast(tenantId: string, personId: string, minVersion: number): Promise<CareerRecord> {
    const full = this.waitingReads >= (this.waiting?.maxWaiting ?? DEFAULT_MAX_WAITING);
    this.waitingReads++;
    try {
      return await this.waitForVersion(tenantId, personId, minVersion, Date.now() + (full ? 0 : (this.waiting?.maxWaitMs ?? 0)));
    } finally {
      this.waitingReads--;
    }
  }

  private async waitForVersion(tenantId: string, personId: string, minVersion: number, deadline: number): Promise<CareerRecord> {
    for (;;) {
      // Watching before reading: a change committed after the read still wakes this wait.
      const watch = this.waiting?.changes.watch(personId);
      try {
        const found = await this.readModel.findCareer(tenantId, personId);
        if (found !== undefined && versionOf(found) >= minVersion) return found;
        const left = deadline - Date.now();
        if (watch === undefined || left <= 0 || !(await watch.changed(left))) {
          throw new CareerNotCaughtUpError(`The career does not reflect version ${minVersion} of the person yet; it reflects ${found === undefined ? 'none' : versionOf(found)}.`, {
            personId,
            minVersion,
            projectedVersion: found === undefined ? 0 : versionOf(found),
          });
        }
      } finally {
        watch?.close();
      }
    }
  }

  /** Summaries are today's: the stage and title come from the same timeline a person's career shows. */
  async people(tenantId: string, request: PeoplePageRequest): Promise<PeoplePage> {
    const { records, total } = await this.readModel.listPeople(tenantId, request);
    const asOf = this.clock();
    const items = records.map((record) => {
      const timeline = buildCareerTimeline(record, asOf);
      return {
        personId: timeline.personId,
        name: timeline.name,
        orgUnit: timeline.orgUnit,
        managerId: timeline.managerId,
        status: timeline.status,
        currentTitle: timeline.currentTitle,
        stage: timeline.stage,
      };
    });
    return { items, page: request.page, pageSize: request.pageSize, total };
  }
}
