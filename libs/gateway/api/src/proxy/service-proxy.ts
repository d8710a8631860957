import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';

/** Response headers a service may pass back to the public client. */
const PASSED_BACK = ['content-type', 'etag', 'location', 'retry-after'];

export interface ForwardOptions {
  baseUrl: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  principal: Principal;
  request: Request;
  response: Response;
  body?: unknown;
}

/**
 * Sends a command or query to the owning service over its internal HTTP port, with the
 * caller's tenant and identity as trusted headers, and relays the answer unchanged: the
 * services already speak problem+json, ETag and Location.
 */
const UPSTREAM_TIMEOUT_MS = 10_000;

@Injectable()
export class ServiceProxy {

  async forward(options: ForwardOptions): Promise<void> {
    const { baseUrl, method, path, principal, request, response, body } = options;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-tenant-id': principal.tenant,
      'x-actor-id': principal.subject,
    };
    const correlationId = request.header('x-correlation-id') ?? request.header('x-request-id');
    if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
    const ifMatch = request.header('if-match');
    if (ifMatch !== undefined) headers['if-match'] = ifMatch;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceUnavailableException(`An internal service did not answer: ${(error as Error).message}`);
    }
    response.status(upstream.status);
    for (const name of PASSED_BACK) {
      const value = upstream.headers.get(name);
      if (value !== null) response.setHeader(name, value);
    }
    response.send(Buffer.from(await upstream.arrayBuffer()));
  }
}
