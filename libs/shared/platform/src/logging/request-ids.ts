import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Ids are copied into logs and event metadata, so only short, inert ones are trusted.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const correlationIds = new WeakMap<IncomingMessage, string>();
const requestIds = new WeakMap<IncomingMessage, string>();

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first !== undefined && SAFE_ID.test(first) ? first : undefined;
}

/**
 * Honours the caller's request and correlation ids (or makes new ones) and echoes both.
 * A request that starts a conversation uses its own id as the correlation id. The
 * correlation header is written back onto the request so code that reads headers
 * (like the caller context) sees the same id the logs carry.
 */
export function assignRequestIds(req: IncomingMessage, res: ServerResponse): string {
  const known = requestIds.get(req);
  if (known !== undefined) return known;
  const requestId = headerValue(req, REQUEST_ID_HEADER) ?? randomUUID();
  const correlationId = headerValue(req, CORRELATION_ID_HEADER) ?? requestId;
  requestIds.set(req, requestId);
  correlationIds.set(req, correlationId);
  req.headers[CORRELATION_ID_HEADER] = correlationId;
  if (!res.headersSent) {
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
  }
  return requestId;
}

export function requestIdOf(req: IncomingMessage): string | undefined {
  return requestIds.get(req);
}

export function correlationIdOf(req: IncomingMessage): string | undefined {
  return correlationIds.get(req);
}
