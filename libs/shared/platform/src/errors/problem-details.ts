import { STATUS_CODES } from 'node:http';

export const PROBLEM_JSON = 'application/problem+json';

export interface FieldError {
  /** Dotted path into the body, with array indexes in brackets: `jobs[0].title`. */
  field: string;
  message: string;
}

/** RFC 9457 body, plus the stable `code` clients switch on and `errors` for 400s. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
}

export function titleFor(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** `Not Found` → `NOT_FOUND`: a code for plain HTTP errors that carry none of their own. */
export function codeForStatus(status: number): string {
  return titleFor(status).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/**
 * A URN rather than a URL: it identifies the problem type stably without promising a
 * documentation page that does not exist yet.
 */
export function typeForCode(code: string): string {
  return `urn:trajectory:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
