/** What the gateway answered, with the body parsed when it is JSON. */
export interface GatewayReply {
  status: number;
  headers: Headers;
  body: unknown;
}

export class GatewayRequestError extends Error {
  constructor(readonly method: string, readonly path: string, readonly reply: GatewayReply) {
    super(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
}

const MAX_ATTEMPTS = 20;

/**
 * A well-behaved public client: bearer token, JSON, and on 429 it waits the Retry-After the
 * gateway asked for before trying again. Nothing else is retried: a command that timed out
 * may have been recorded, and sending it again would be refused as a duplicate.
 */
export class DemoGatewayClient {
  retries = 0;

  constructor(private readonly baseUrl: string, private readonly token: string) {}

  async send(method: string, path: string, body?: unknown): Promise<GatewayReply> {
    for (let attempt = 1; ; attempt++) {
      const reply = await this.once(method, path, body);
      if (reply.status !== 429 || attempt >= MAX_ATTEMPTS) return reply;
      this.retries += 1;
      const retryAfter = Number(reply.headers.get('retry-after'));
      await new Promise((resolve) => setTimeout(resolve, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000));
    }
  }

  /** Like send, but anything other than a 2xx is an error. */
  async expectOk(method: string, path: string, body?: unknown): Promise<GatewayReply> {
    const reply = await this.send(method, path, body);
    if (reply.status < 200 || reply.status >= 300) throw new GatewayRequestError(method, path, reply);
    return reply;
  }

  private async once(method: string, path: string, body: unknown): Promise<GatewayReply> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
}
