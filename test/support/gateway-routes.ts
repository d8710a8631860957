/** A person the public routes act on: their id and their current job's id. */
export interface RouteTarget {
  personId: string;
  jobId: string;
}

export type RouteGroup = 'read' | 'self-write' | 'hr-write';

/** One public route about one person, with a body that succeeds on a fresh person hired 2020-01-06 with one job. */
export interface PersonRoute {
  name: string;
  group: RouteGroup;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (target: RouteTarget) => string;
  body?: Record<string, unknown>;
  /** Status of success, and whether it carries an ETag (profiles answers) or a Location. */
  success: { status: number; etag: boolean; location: boolean };
  /** The fresh person it succeeds on must not have a job yet. */
  jobless?: boolean;
}

export const HIRE_DATE = '2020-01-06';
export const FIRST_JOB = { title: 'Engineer', employer: 'R&D', employmentType: 'full-time', startDate: HIRE_DATE, field: 'engineering', level: 2 };

export const PERSON_ROUTES: readonly PersonRoute[] = [
  { name: 'GET /people/:id', group: 'read', method: 'GET', path: (t) => `/people/${t.personId}`, success: { status: 200, etag: true, location: false } },
  { name: 'GET /people/:id/career', group: 'read', method: 'GET', path: (t) => `/people/${t.personId}/career`, success: { status: 200, etag: false, location: false } },
  {
    name: 'POST /people/:id/education',
    group: 'self-write',
    method: 'POST',
    path: (t) => `/people/${t.personId}/education`,
    body: { kind: 'degree', title: 'BSc Physics', field: 'physics', institution: 'Open University', completedOn: '2019-06-30' },
    success: { status: 201, etag: true, location: true },
  },
  {
    name: 'PUT /people/:id/aspiration',
    group: 'self-write',
    method: 'PUT',
    path: (t) => `/people/${t.personId}/aspiration`,
    body: { targetRole: 'Staff Engineer', field: 'engineering', targetLevel: 5, targetDate: '2028-01-01' },
    success: { status: 200, etag: true, location: false },
  },
  { name: 'PATCH /people/:id', group: 'hr-write', method: 'PATCH', path: (t) => `/people/${t.personId}`, body: { orgUnit: 'Research' }, success: { status: 200, etag: true, location: false } },
  {
    name: 'POST /people/:id/offboard',
    group: 'hr-write',
    method: 'POST',
    path: (t) => `/people/${t.personId}/offboard`,
    body: { offboardedOn: '2024-01-31', reason: 'resigned' },
    success: { status: 200, etag: true, location: false },
  },
  { name: 'DELETE /people/:id', group: 'hr-write', method: 'DELETE', path: (t) => `/people/${t.personId}`, success: { status: 204, etag: true, location: false } },
  {
    name: 'POST /people/:id/jobs',
    group: 'hr-write',
    method: 'POST',
    path: (t) => `/people/${t.personId}/jobs`,
    body: FIRST_JOB,
    success: { status: 201, etag: true, location: true },
    jobless: true,
  },
  {
    name: 'POST /people/:id/jobs/:jobId/end',
    group: 'hr-write',
    method: 'POST',
    path: (t) => `/people/${t.personId}/jobs/${t.jobId}/end`,
    body: { endDate: '2021-01-31', reason: 'moved on' },
    success: { status: 200, etag: true, location: false },
  },
  {
    name: 'POST /people/:id/promotions',
    group: 'hr-write',
    method: 'POST',
    path: (t) => `/people/${t.personId}/promotions`,
    body: { newTitle: 'Senior Engineer', newLevel: 3, effectiveDate: '2021-06-01' },
    success: { status: 201, etag: true, location: true },
  },
];

export function personBody(givenName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { givenName, familyName: 'Matrix', email: `${givenName.toLowerCase()}@example.com`, hireDate: HIRE_DATE, ...extra };
}
