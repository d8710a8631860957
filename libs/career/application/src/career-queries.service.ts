import { DomainError } from '@trajectory/shared/decider';
import type { CareerReadModelPort, PeoplePageRequest } from './career-read-model.port';
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

const today = (): string => new Date().toISOString().slice(0, 10);

export class CareerQueriesService {
  constructor(
    private readonly readModel: CareerReadModelPort,
    private readonly clock: () => string = today,
  ) {}

  async timeline(tenantId: string, personId: string, asOf?: string): Promise<CareerTimeline> {
    return (await this.versionedTimeline(tenantId, personId, asOf)).timeline;
  }

  async versionedTimeline(tenantId: string, personId: string, asOf?: string): Promise<VersionedCareerTimeline> {
    const found = await this.readModel.findCareer(tenantId, personId);
    if (found === undefined) throw new CareerNotFoundError('No career is known for this person.', { personId });
    return { timeline: buildCareerTimeline(found, asOf ?? this.clock()), version: found.person.projectedVersion ?? 0 };
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
