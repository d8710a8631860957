import { FIRST_JOB, HIRE_DATE } from './gateway-routes';

/** One invalid request and what the gateway must answer. */
export interface InvalidCase {
  route: string;
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** An object goes as JSON; a string is sent raw. */
  body?: unknown;
  headers?: Record<string, string>;
  status: number | number[];
  /** A field the 400's `errors` must name. */
  field?: string;
}

interface BodyRoute {
  route: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  valid: Record<string, unknown>;
  /** label → [body, field named in errors] */
  cases: Record<string, [Record<string, unknown>, string]>;
}

const without = (body: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const long = (length: number) => 'x'.repeat(length);

function bodyRoutes(personId: string, jobId: string): BodyRoute[] {
  const person = { givenName: 'Ivy', familyName: 'Invalid', email: 'ivy@example.com', hireDate: HIRE_DATE };
  const education = { kind: 'degree', title: 'BSc', field: 'physics', institution: 'Open University', completedOn: '2019-06-30' };
  const aspiration = { targetRole: 'Lead', field: 'engineering', targetLevel: 5, targetDate: '2028-01-01' };
  const promotion = { newTitle: 'Senior Engineer', newLevel: 3, effectiveDate: '2021-06-01' };
  return [
    {
      route: 'POST /people', method: 'POST', path: '/people', valid: person,
      cases: {
        missing: [without(person, 'givenName'), 'givenName'],
        'wrong type': [{ ...person, givenName: 42 }, 'givenName'],
        'out of range (date)': [{ ...person, hireDate: '2021-02-29' }, 'hireDate'],
        'out of range (length)': [{ ...person, familyName: long(201) }, 'familyName'],
        'not an email': [{ ...person, email: 'ivy-at-example' }, 'email'],
        'not a uuid': [{ ...person, managerId: 'boss' }, 'managerId'],
        'unknown field': [{ ...person, salary: 1 }, 'salary'],
      },
    },
    {
      route: 'PATCH /people/:id', method: 'PATCH', path: `/people/${personId}`, valid: { orgUnit: 'Research' },
      cases: {
        'wrong type': [{ orgUnit: 5 }, 'orgUnit'],
        'null for a required field': [{ givenName: null }, 'givenName'],
        'out of range': [{ employeeNumber: long(65) }, 'employeeNumber'],
        'unknown field': [{ hireDate: '2020-01-01' }, 'hireDate'],
      },
    },
    {
      route: 'POST /people/:id/offboard', method: 'POST', path: `/people/${personId}/offboard`, valid: { offboardedOn: '2024-01-31' },
      cases: {
        missing: [{ reason: 'resigned' }, 'offboardedOn'],
        'wrong type': [{ offboardedOn: '2024-01-31', reason: 5 }, 'reason'],
        'out of range': [{ offboardedOn: '2024-13-01' }, 'offboardedOn'],
        'unknown field': [{ offboardedOn: '2024-01-31', severance: 1 }, 'severance'],
      },
    },
    {
      route: 'POST /people/:id/jobs', method: 'POST', path: `/people/${personId}/jobs`, valid: { ...FIRST_JOB, employmentType: 'contract' },
      cases: {
        missing: [without(FIRST_JOB, 'title'), 'title'],
        'wrong type': [{ ...FIRST_JOB, level: '3' }, 'level'],
        'out of range (level)': [{ ...FIRST_JOB, level: 21 }, 'level'],
        'out of range (enum)': [{ ...FIRST_JOB, employmentType: 'forever' }, 'employmentType'],
        'unknown field': [{ ...FIRST_JOB, salary: 1 }, 'salary'],
      },
    },
    {
      route: 'POST /people/:id/jobs/:jobId/end', method: 'POST', path: `/people/${personId}/jobs/${jobId}/end`, valid: { endDate: '2021-01-31' },
      cases: {
        missing: [{ reason: 'moved on' }, 'endDate'],
        'wrong type': [{ endDate: '2021-01-31', reason: 5 }, 'reason'],
        'out of range': [{ endDate: '2021-02-29' }, 'endDate'],
        'unknown field': [{ endDate: '2021-01-31', rating: 5 }, 'rating'],
      },
    },
    {
      route: 'POST /people/:id/promotions', method: 'POST', path: `/people/${personId}/promotions`, valid: promotion,
      cases: {
        missing: [without(promotion, 'newLevel'), 'newLevel'],
        'wrong type': [{ ...promotion, newLevel: 'four' }, 'newLevel'],
        'out of range': [{ ...promotion, newLevel: 0 }, 'newLevel'],
        'unknown field': [{ ...promotion, bonus: 1000 }, 'bonus'],
      },
    },
    {
      route: 'POST /people/:id/education', method: 'POST', path: `/people/${personId}/education`, valid: education,
      cases: {
        missing: [without(education, 'institution'), 'institution'],
        'wrong type': [{ ...education, completedOn: 20190630 }, 'completedOn'],
        'out of range (enum)': [{ ...education, kind: 'phd' }, 'kind'],
        'out of range (length)': [{ ...education, title: long(201) }, 'title'],
        'unknown field': [{ ...education, grade: 'A' }, 'grade'],
      },
    },
    {
      route: 'PUT /people/:id/aspiration', method: 'PUT', path: `/people/${personId}/aspiration`, valid: aspiration,
      cases: {
        missing: [without(aspiration, 'targetDate'), 'targetDate'],
        'wrong type': [{ ...aspiration, targetLevel: '6' }, 'targetLevel'],
        'out of range': [{ ...aspiration, targetLevel: 21 }, 'targetLevel'],
        'unknown field': [{ ...aspiration, salary: 1 }, 'salary'],
      },
    },
  ];
}

/** Every invalid request of the table, for a person with one job. */
export function invalidRequests(personId: string, jobId: string): InvalidCase[] {
  const cases: InvalidCase[] = [];
  for (const r of bodyRoutes(personId, jobId)) {
    const base = { route: r.route, method: r.method, path: r.path };
    for (const [label, [body, field]] of Object.entries(r.cases)) cases.push({ ...base, label, body, status: 400, field });
    cases.push({ ...base, label: 'malformed JSON', body: '{"title": "unfinished', status: 400 });
    cases.push({ ...base, label: 'oversized body (> 100 kB)', body: { ...r.valid, padding: long(110_000) }, status: 413 });
    cases.push({ ...base, label: 'a JSON array', body: [r.valid], status: 400, field: 'body' });
    cases.push({ ...base, label: 'not JSON', body: 'title=x', headers: { 'content-type': 'text/plain' }, status: 415 });
    cases.push({ ...base, label: 'If-Match that is no version', body: r.valid, headers: { 'if-match': 'banana' }, status: 400, field: 'If-Match' });
  }
  const pathCases: InvalidCase[] = [
    { route: 'GET /people/:id', label: 'malformed id', method: 'GET', path: '/people/abc', status: 400, field: 'personId' },
    { route: 'DELETE /people/:id', label: 'malformed id', method: 'DELETE', path: '/people/abc', status: 400, field: 'personId' },
    { route: 'POST /people/:id/jobs/:jobId/end', label: 'malformed job id', method: 'POST', path: `/people/${personId}/jobs/abc/end`, body: { endDate: '2021-01-31' }, status: 400, field: 'jobId' },
    { route: 'PATCH /people/:id', label: 'no field to change', method: 'PATCH', path: `/people/${personId}`, body: {}, status: [400, 422] },
    { route: 'GET /people/:id/career', label: 'impossible asOf', method: 'GET', path: `/people/${personId}/career?asOf=2024-02-30`, status: 400, field: 'asOf' },
    { route: 'GET /people/:id/career', label: 'asOf not a date', method: 'GET', path: `/people/${personId}/career?asOf=yesterday`, status: 400, field: 'asOf' },
    { route: 'GET /people/:id/career', label: 'unknown query parameter', method: 'GET', path: `/people/${personId}/career?colour=blue`, status: 400, field: 'colour' },
    { route: 'GET /people', label: 'pageSize out of range', method: 'GET', path: '/people?pageSize=0', status: 400, field: 'pageSize' },
    { route: 'GET /people', label: 'pageSize too large', method: 'GET', path: '/people?pageSize=201', status: 400, field: 'pageSize' },
    { route: 'GET /people', label: 'page of the wrong type', method: 'GET', path: '/people?page=first', status: 400, field: 'page' },
    { route: 'GET /people', label: 'managerId not a uuid', method: 'GET', path: '/people?managerId=boss', status: 400, field: 'managerId' },
    { route: 'GET /people', label: 'unknown query parameter', method: 'GET', path: '/people?colour=blue', status: 400, field: 'colour' },
  ];
  return [...cases, ...pathCases];
}
