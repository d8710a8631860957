import type { CareerRecord } from './career-records';

export interface PeopleFilter {
  orgUnit?: string;
  managerId?: string;
}

export interface PeoplePageRequest extends PeopleFilter {
  page: number;
  pageSize: number;
}

/** Reads of the career read model; only registered people are visible. */
export interface CareerReadModelPort {
  findCareer(tenantId: string, personId: string): Promise<CareerRecord | undefined>;
  /** One page of registered people ordered by id, each with what its timeline needs. */
  listPeople(tenantId: string, request: PeoplePageRequest): Promise<{ records: CareerRecord[]; total: number }>;
}

export const CAREER_READ_MODEL = Symbol('CAREER_READ_MODEL');
