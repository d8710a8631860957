import autocannon from 'autocannon';

export interface ReadLoadResult {
  ratePerSecond: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  latencyMs: { p50: number; p99: number; max: number };
}

/** GET /people/:id/career at a fixed overall rate (autocannon), over a set of real people. */
export async function runReadLoad(baseUrl: string, token: string, personIds: readonly string[], ratePerSecond: number, seconds: number): Promise<ReadLoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections: 32,
    overallRate: ratePerSecond,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: personIds.map((id) => ({ method: 'GET', path: `/people/${id}/career` })),
  });
  return {
    ratePerSecond,
    seconds,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}
