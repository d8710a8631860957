import { DomainError } from '@trajectory/shared/decider';
import type { CareerReadModelPort } from './career-read-model.port';
import { buildCareerTimeline, type CareerTimeline } from './career-timeline';

export class CareerNotFoundError extends DomainError {
  readonly code = 'CAREER_NOT_FOUND';
  override readonly kind = 'not-found';
}

export class CareerQueriesService {
  constructor(private readonly readModel: CareerReadModelPort, private readonly today: () => string = () => new Date().toISOString().slice(0, 10)) {}

  async timeline(tenantId: string, personId: string, asOf?: string): Promise<CareerTimeline> {
    const found = await this.readModel.findPerson(tenantId, personId);
    if (found === undefined) throw new CareerNotFoundError('No career is known for this person.', { personId });
    return buildCareerTimeline(found.person, found.jobs, asOf ?? this.today());
  }
}
