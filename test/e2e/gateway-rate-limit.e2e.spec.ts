import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventually } from '@trajectory/shared/testing';
import { callGateway, field, type Reply } from '../support/public-api';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';

describe('the rate limit per token', () => {
  let system: RunningSystem;
  const tenant = `t-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    system = await startSystem({ RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '5' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers a burst beyond the bucket with 429 problem+json and Retry-After, and recovers', async () => {
    const alice = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'], sub: 'alice' });
    const replies: Reply[] = await Promise.all(Array.from({ length: 12 }, () => callGateway(system, 'GET', '/people', { token: alice })));
    const statuses = replies.map((r) => r.status);
    // The 5 of the bucket, plus one a second refilled while the burst was in flight; never all 12.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const limited = replies.find((r) => r.status === 429) as Reply;
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Another subject, or the same subject in another tenant, has a bucket of its own.
    const bob = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'], sub: 'bob' });
    expect((await callGateway(system, 'GET', '/people', { token: bob })).status).toBe(200);
    const aliceElsewhere = await signToken(system.jwtSecret, { tenant: `${tenant}-b`, roles: ['hr-admin'], sub: 'alice' });
    expect((await callGateway(system, 'GET', '/people', { token: aliceElsewhere })).status).toBe(200);

    // The bucket refills at the configured rate: Alice is served again after a moment.
    await eventually(async () => expect((await callGateway(system, 'GET', '/people', { token: alice })).status).toBe(200), { timeoutMs: 5_000, intervalMs: 250 });
  });

  it('counts refused requests too, so a token cannot probe for free', async () => {
    const analyst = await signToken(system.jwtSecret, { tenant, roles: ['analyst'], sub: 'carol' });
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => callGateway(system, 'GET', `/people/${randomUUID()}`, { token: analyst })))).map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 403 || s === 429)).toBe(true);
  });

  it('does not limit probes, which carry no token', async () => {
    const probes = await Promise.all(Array.from({ length: 12 }, () => fetch(`${system.gatewayUrl}/health/live`)));
    expect(probes.map((p) => p.status)).toEqual(Array.from({ length: 12 }, () => 200));
  });

  it('keeps request ids on limited answers', async () => {
    const dave = await signToken(system.jwtSecret, { tenant, roles: ['hr-admin'], sub: 'dave' });
    const replies = await Promise.all(Array.from({ length: 10 }, () => callGateway(system, 'GET', '/people', { token: dave })));
    const limited = replies.find((r) => r.status === 429) as Reply;
    expect(limited.headers.get('x-request-id')).toBe(field<string>(limited, 'requestId'));
  });
});

describe('the gateway in production', () => {
  it('refuses to start with the documented local JWT secret', async () => {
    const main = join(__dirname, '..', '..', 'dist', 'apps', 'gateway', 'src', 'main.js');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', GATEWAY_PORT: '3999' };
    delete env['JWT_SECRET'];
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('JWT_SECRET=<redacted>: must be set to a non-default value when NODE_ENV=production');
  });
});
