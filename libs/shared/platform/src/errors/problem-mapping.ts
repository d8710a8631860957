import { HttpException } from '@nestjs/common';
import { bodyParserErrorFrom, BodyParserError, isBodyParserFailure } from './body-parser-errors';
import { codeForStatus, titleFor, typeForCode, type FieldError, type ProblemDetails } from './problem-details';
import { RequestValidationError } from './request-validation.error';

export type MappedProblem = Omit<ProblemDetails, 'instance' | 'requestId'> & {
  /** True when the error was not anticipated: it is logged with its stack. */
  unexpected: boolean;
  /** Seconds after which asking again may succeed (the Retry-After header), when the error says. */
  retryAfterSeconds?: number;
};

type ErrorKind = 'rule' | 'conflict' | 'not-found' | 'precondition' | 'unavailable';
// 'precondition' is a stale If-Match; 'unavailable' is not yet possible (see DomainError.kind).
const STATUS_BY_KIND: Record<ErrorKind, number> = { rule: 422, conflict: 409, 'not-found': 404, precondition: 412, unavailable: 503 };

/** Structural, so any library's typed error qualifies without importing its class. */
interface CodedError {
  code: string;
  kind?: unknown;
  message?: unknown;
  retryAfterSeconds?: unknown;
}

function isCodedError(error: unknown): error is CodedError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function problem(status: number, code: string, detail: string, type = typeForCode(code)): MappedProblem {
  return { type, title: titleFor(status), status, detail, code, unexpected: false, ...(status === 400 ? { errors: [] } : {}) };
}

/** Decides status, code and client-safe text for anything a handler may throw. */
export function problemFor(exception: unknown): MappedProblem {
  if (exception instanceof RequestValidationError) {
    return { ...problem(400, exception.code, exception.message), errors: [...exception.errors] };
  }
  if (exception instanceof BodyParserError) return problem(exception.getStatus(), exception.code, exception.message);
  if (isBodyParserFailure(exception)) return problemFor(bodyParserErrorFrom(exception));
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isCodedError(exception)) {
    const detail = typeof exception.message === 'string' ? exception.message : exception.code;
    if (exception.code === 'CONCURRENCY_CONFLICT') return problem(409, exception.code, detail);
    const { kind } = exception;
    if (typeof kind === 'string' && Object.hasOwn(STATUS_BY_KIND, kind)) {
      const mapped = problem(STATUS_BY_KIND[kind as ErrorKind], exception.code, detail);
      const { retryAfterSeconds } = exception;
      return typeof retryAfterSeconds === 'number' && Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0 ? { ...mapped, retryAfterSeconds } : mapped;
    }
  }
  return { ...problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred. It has been logged.'), unexpected: true };
}

function fromHttpException(exception: HttpException): MappedProblem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const code = typeof body['code'] === 'string' ? body['code'] : codeForStatus(status);
  const mapped = problem(status, code, detailOf(response, exception.message), typeof body['code'] === 'string' ? typeForCode(code) : 'about:blank');
  if (status === 400) mapped.errors = fieldErrorsOf(body['errors']);
  return { ...mapped, unexpected: status >= 500 };
}

function detailOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  // Nest's own pipes report several messages as an array.
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) return message.join('; ');
  return fallback;
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e: unknown) => {
    const { field, message } = (typeof e === 'object' && e !== null ? e : {}) as Partial<FieldError>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}
