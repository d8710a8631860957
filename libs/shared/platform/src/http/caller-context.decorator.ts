import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationError } from '../errors/request-validation.error';

/**
 * Headers the gateway sets on internal calls after it has authenticated the caller.
 * Services sit on the internal network and trust them; only the gateway is public.
 */
export const INTERNAL_HEADERS = {
  tenant: 'x-tenant-id',
  actor: 'x-actor-id',
  correlation: 'x-correlation-id',
} as const;

export interface CallerContext {
  tenantId: string;
  actor?: string;
  correlationId?: string;
  /** Parsed from If-Match (`"3"`, `W/"3"` or `3`); undefined when absent or `*`. */
  expectedVersion?: number;
}

const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (match === null) throw new RequestValidationError([{ field: 'If-Match', message: 'must be an ETag this API issued, like "3"' }]);
  return Number(match[1]);
}

export function callerContextFrom(request: Request): CallerContext {
  const tenantId = request.header(INTERNAL_HEADERS.tenant);
  if (tenantId === undefined || !TENANT_ID.test(tenantId)) {
    throw new RequestValidationError([{ field: INTERNAL_HEADERS.tenant, message: 'must be a tenant id' }]);
  }
  const actor = request.header(INTERNAL_HEADERS.actor);
  const correlationId = request.header(INTERNAL_HEADERS.correlation);
  const expectedVersion = parseIfMatch(request.header('if-match'));
  return {
    tenantId,
    ...(actor === undefined ? {} : { actor }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

/** `@Caller() caller: CallerContext` in a controller method. */
export const Caller = createParamDecorator((_data: unknown, ctx: ExecutionContext): CallerContext => callerContextFrom(ctx.switchToHttp().getRequest<Request>()));

/** ETags are stream versions, quoted as RFC 9110 requires. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
