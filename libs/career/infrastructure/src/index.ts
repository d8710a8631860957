import { CreateCareerReadModel1764000000000 } from './migrations/1764000000000-create-career-read-model';
import { CareerTimelineReadModel1796000000000 } from './migrations/1796000000000-career-timeline-read-model';
import { CareerProjectedVersion1797000000000 } from './migrations/1797000000000-career-projected-version';
import { CareerPeoplePartialIndexes1797200000000 } from './migrations/1797200000000-career-people-partial-indexes';

export * from './cached-career-read-model';
export * from './career-tables';
export * from './postgres-career-changes';
export * from './postgres-career-projection';
export * from './postgres-career-read-model';
export * from './rebuild/career-rebuild';
export * from './rebuild/profiles-event-source';
export * from './rebuild/rebuild-schema';
export * from './rebuild/replay-events';
export * from './rebuild/switch-over';
export { CareerPeoplePartialIndexes1797200000000, CareerProjectedVersion1797000000000, CareerTimelineReadModel1796000000000, CreateCareerReadModel1764000000000 };
export const careerMigrations = [CreateCareerReadModel1764000000000, CareerTimelineReadModel1796000000000, CareerProjectedVersion1797000000000, CareerPeoplePartialIndexes1797200000000];
