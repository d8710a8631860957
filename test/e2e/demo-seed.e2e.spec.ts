import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { callGateway, field } from '../support/public-api';
import { startSystem, type RunningSystem } from '../support/running-system';
import { signToken } from '../support/tokens';

interface CareerBody {
  name: string | null;
  jobs: Array<{ startDate: string }>;
  promotions: unknown[];
  totalExperienceDays: number;
}

const ROOT = join(__dirname, '..', '..');

/** `npm run seed:demo` as npm start runs it: its last stdout line names the person to look at. */
async function runSeed(system: RunningSystem): Promise<{ featuredPersonId: string; log: string }> {
  const args = [join(ROOT, 'scripts', 'run-ts.mjs'), join(ROOT, 'scripts', 'seed-demo.ts'), '--gateway', system.gatewayUrl, '--people', '24', '--concurrency', '8'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, JWT_SECRET: system.jwtSecret }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seed:demo exited with ${code}:\n${stderr}`);
  const featuredPersonId = /^demo-person (\S+)$/m.exec(stdout)?.[1];
  if (featuredPersonId === undefined) throw new Error(`seed:demo named no person:\n${stdout}`);
  return { featuredPersonId, log: stderr };
}

describe('the demo seed (npm start, npm run seed:demo)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('fills the demo tenant through the public API once, so that a career is there to read', async () => {
    const first = await runSeed(system);
    expect(first.log).toMatch(/demo tenant "demo": 24 people, \d+ requests in/);

    const hrAdmin = await signToken(system.jwtSecret, { tenant: 'demo', roles: ['hr-admin'] });
    const list = await callGateway(system, 'GET', '/people?pageSize=50', { token: hrAdmin });
    expect(field<number>(list, 'total')).toBe(24);

    // The featured person's career is a real one: several jobs over years, promotions, a name.
    const career = await callGateway(system, 'GET', `/people/${first.featuredPersonId}/career`, { token: hrAdmin });
    expect(career.status).toBe(200);
    const body = career.body as CareerBody;
    expect(body.name).toEqual(expect.any(String));
    expect(body.jobs.length + body.promotions.length).toBeGreaterThanOrEqual(3);
    expect(body.totalExperienceDays).toBeGreaterThan(3 * 365);

    // The person can read their own career with an employee token.
    const employee = await signToken(system.jwtSecret, { tenant: 'demo', roles: ['employee'], personId: first.featuredPersonId });
    expect((await callGateway(system, 'GET', `/people/${first.featuredPersonId}/career`, { token: employee })).status).toBe(200);

    // Run again (the next npm start): nothing is sent, and the same person is suggested.
    const second = await runSeed(system);
    expect(second.log).toContain('demo tenant "demo" already has people: nothing sent');
    expect(second.featuredPersonId).toBe(first.featuredPersonId);
    expect(field<number>(await callGateway(system, 'GET', '/people?pageSize=1', { token: hrAdmin }), 'total')).toBe(24);
  });
});
