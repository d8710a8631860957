import type { Request } from 'express';

/** The query string as the client sent it (with its `?`): the owning service validates it, unknown keys included. */
export function queryStringOf(request: Request): string {
  const index = request.originalUrl.indexOf('?');
  return index === -1 ? '' : request.originalUrl.slice(index);
}
