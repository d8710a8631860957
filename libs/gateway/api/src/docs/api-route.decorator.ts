import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemResource } from './problem.docs';

const PROBLEMS: Record<number, string> = {
  400: 'Invalid body, path parameter, query or If-Match (`errors` names each bad field), or malformed JSON.',
  401: 'No valid bearer token.',
  403: "The caller's roles never allow this (see the role rules in the API description).",
  404: "No such person in the caller's tenant, or one outside the caller's reach (answered alike).",
  409: 'Conflicts with what is recorded (an id already taken, or a concurrent write).',
  412: 'If-Match names a version that is no longer current.',
  413: 'The body is larger than 100 kB.',
  415: 'The body is not JSON (Content-Type application/json).',
  422: 'A business rule refused the command; `code` says which (e.g. JOB_ENDS_BEFORE_START).',
  429: 'Too many requests for this token; retry after the seconds in Retry-After.',
  503: 'Not yet possible: the career has not caught up with minVersion within the wait (CAREER_NOT_CAUGHT_UP); retry after the seconds in Retry-After.',
};

/** Every authenticated route can meet these, whatever it does. */
const ALWAYS = [401, 429];
/** Commands with a JSON body can also meet these. */
export const COMMAND_PROBLEMS = [400, 403, 404, 409, 412, 413, 415, 422];

export interface RouteDoc {
  summary: string;
  description?: string;
  body?: Type;
  /** `etag`: true for the usual stream-version ETag, or the header's own description. */
  success: { status: 200 | 201 | 204; description: string; type?: Type; location?: boolean; etag?: boolean | string };
  problems: number[];
  ifMatch?: boolean;
}

const header = (description: string) => ({ description, schema: { type: 'string' } });

/** OpenAPI for one public route: operation, body, success with its headers, and each problem+json answer. */
export function ApiRoute(doc: RouteDoc): MethodDecorator & ClassDecorator {
  const { success } = doc;
  const headers = {
    ...(success.location === true ? { Location: header('Where the created resource is read.') } : {}),
    ...(success.etag === true ? { ETag: header('The stream version, quoted ("3"); send it back as If-Match.') } : {}),
    ...(typeof success.etag === 'string' ? { ETag: header(success.etag) } : {}),
  };
  return applyDecorators(
    ApiExtraModels(ProblemResource),
    ApiOperation({ summary: doc.summary, ...(doc.description === undefined ? {} : { description: doc.description }) }),
    ...(doc.body === undefined ? [] : [ApiBody({ type: doc.body })]),
    ...(doc.ifMatch === true
      ? [ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read; the write is refused with 412 if the person changed since.' })]
      : []),
    ApiResponse({ status: success.status, description: success.description, ...(success.type === undefined ? {} : { type: success.type }), headers }),
    ...[...new Set([...doc.problems, ...ALWAYS])].sort().map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResource) } } },
        ...(status === 429 ? { headers: { 'Retry-After': header('Seconds to wait before the next request.') } } : {}),
      }),
    ),
  );
}
