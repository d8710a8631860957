import { Pool } from 'undici';

/**
 * Calls the gateway with a bearer token over a keep-alive undici pool. The load generator
 * shares the machine with the system under test, so it uses the cheapest client there is:
 * every microsecond it spends is taken from the apps it measures.
 */
export class GatewayClient {
  private readonly pool: Pool;

  constructor(baseUrl: string, private readonly token: string, connections = 64) {
    this.pool = new Pool(baseUrl, { connections });
  }

  /**
   * The body is always read to its end (latency is request → complete answer) but parsed
   * only when a caller looks at `json`: most reads only need the status.
   */
  async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; etag: string | undefined; readonly json: Record<string, unknown> }> {
    const response = await this.pool.request({
      method,
      path,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.body.text();
    const etag = response.headers['etag'];
    return {
      status: response.statusCode,
      etag: typeof etag === 'string' ? etag : undefined,
      get json() {
        return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      },
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
