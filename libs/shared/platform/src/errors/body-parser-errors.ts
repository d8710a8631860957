import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The shape body-parser gives its errors (`type` is its stable discriminator). */
interface BodyParserFailure {
  type: string;
  status: number;
}

const FAILURES: Record<string, { code: string; detail: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than this service accepts.' },
  'encoding.unsupported': { code: 'UNSUPPORTED_CONTENT_ENCODING', detail: 'The request body uses a content encoding this service does not accept.' },
  'charset.unsupported': { code: 'UNSUPPORTED_CHARSET', detail: 'The request body uses a charset this service does not accept.' },
  'request.aborted': { code: 'REQUEST_ABORTED', detail: 'The request was aborted before its body was read.' },
  'request.size.invalid': { code: 'REQUEST_SIZE_INVALID', detail: 'The request body does not match its Content-Length.' },
};

export function isBodyParserFailure(error: unknown): error is BodyParserFailure {
  if (typeof error !== 'object' || error === null) return false;
  const { type, status } = error as Partial<BodyParserFailure>;
  return typeof type === 'string' && type in FAILURES && typeof status === 'number' && status >= 400 && status < 500;
}

/** A request body the server could not read; the detail is ours, never the parser's. */
export class BodyParserError extends HttpException {
  constructor(readonly code: string, status: number, detail: string) {
    super(detail, status);
    this.name = 'BodyParserError';
  }
}

export function bodyParserErrorFrom(failure: BodyParserFailure): BodyParserError {
  const known = FAILURES[failure.type] ?? { code: 'UNREADABLE_BODY', detail: 'The request body could not be read.' };
  return new BodyParserError(known.code, failure.status, known.detail);
}

/**
 * Nest turns a JSON SyntaxError into a bare BadRequestException with the parser's
 * message (which quotes the body) before any filter sees it. Registered right after the
 * body parser, this rewrites parser failures into typed errors first.
 */
export function translateBodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(isBodyParserFailure(error) ? bodyParserErrorFrom(error) : error);
}
