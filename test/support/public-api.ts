import { Client } from 'pg';
import type { RunningSystem } from './running-system';

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

export interface CallOptions {
  token?: string;
  /** An object is sent as JSON; a string is sent as it is (malformed JSON, other media types). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request to the gateway, the way any public client makes it. */
export async function callGateway(system: RunningSystem, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const { token, body, headers = {} } = options;
  const response = await fetch(`${system.gatewayUrl}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: the raw text is what the test sees
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function field<T = unknown>(reply: Reply, name: string): T {
  return (reply.body as Record<string, unknown> | undefined)?.[name] as T;
}

/** Events stored by the profiles service: what "nothing was written" is checked against. */
export async function profilesEventCount(system: RunningSystem): Promise<number> {
  const client = new Client({ connectionString: system.databases.profiles.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM events');
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
