import { createParamDecorator, UnsupportedMediaTypeException, type ExecutionContext } from '@nestjs/common';
import { RequestValidationError } from '@trajectory/shared/platform';
import type { Request } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * The raw JSON body of a command, passed on to the owning service as it came, which
 * validates its fields. The gateway only makes sure there is a JSON object to pass: a
 * missing body, another media type or a top-level array or scalar stop here.
 */
export const CommandBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): Record<string, unknown> => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const empty = request.headers['content-length'] === '0' || request.is(JSON_TYPES) === null;
  if (!empty && request.is(JSON_TYPES) === false) {
    throw new UnsupportedMediaTypeException({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' });
  }
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestValidationError([{ field: 'body', message: 'body must be a JSON object' }]);
  }
  return body as Record<string, unknown>;
});
