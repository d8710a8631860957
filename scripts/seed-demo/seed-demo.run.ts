import { MultiBar, Presets } from 'cli-progress';
import { SignJWT } from 'jose';
import { DemoGatewayClient } from './demo-client';
import { featuredPerson, planDemoTenant, type DemoPerson } from './demo-plan';

export interface SeedDemoOptions {
  gatewayUrl: string;
  jwtSecret: string;
  tenant?: string;
  people?: number;
  concurrency?: number;
  /** How long to wait for the career read side to show everyone. */
  projectionTimeoutMs?: number;
  /** Progress bars (stderr); off in tests. */
  progress?: boolean;
}

export interface SeedDemoResult {
  seeded: boolean;
  requests: number;
  /** A person whose career is worth a look. */
  featuredPersonId: string;
}

interface PeoplePage {
  items: Array<{ personId: string }>;
  total: number;
}

async function hrAdminToken(secret: string, tenant: string): Promise<string> {
  return new SignJWT({ tenant, roles: ['hr-admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('demo-seed').setIssuedAt().setExpirationTime('2h').sign(new TextEncoder().encode(secret));
}

async function peopleTotal(client: DemoGatewayClient): Promise<number> {
  return ((await client.expectOk('GET', '/people?pageSize=1')).body as PeoplePage).total;
}

/** Sends each person's history in order; people run side by side, `concurrency` at a time. */
async function sendAll(client: DemoGatewayClient, people: readonly DemoPerson[], concurrency: number, onRequest: () => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let person = people[next++]; person !== undefined; person = people[next++]) {
      for (const request of person.requests) {
        await client.expectOk(request.method, request.path, request.body);
        onRequest();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Polls (no fixed sleeps beyond the poll interval) until the read side lists everyone. */
async function awaitProjection(client: DemoGatewayClient, expected: number, timeoutMs: number, onTotal: (total: number) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const total = await peopleTotal(client);
    onTotal(total);
    if (total >= expected) return;
    if (Date.now() > deadline) throw new Error(`the career read side shows ${total} of ${expected} people after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Fills the demo tenant through the gateway's public routes, as any HR client would, once:
 * if the tenant already lists people, nothing is sent. The data is generated from a fixed
 * seed, so every machine gets the same people and careers.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const tenant = options.tenant ?? 'demo';
  const client = new DemoGatewayClient(options.gatewayUrl, await hrAdminToken(options.jwtSecret, tenant));
  const people = planDemoTenant(tenant, options.people ?? 300);
  const featured = featuredPerson(people);
  if ((await peopleTotal(client)) > 0) {
    const known = await client.send('GET', `/people/${featured.personId}`);
    const fallback = known.status === 200 ? featured.personId : ((await client.expectOk('GET', '/people?pageSize=1')).body as PeoplePage).items[0]?.personId;
    return { seeded: false, requests: 0, featuredPersonId: fallback ?? featured.personId };
  }
  const requests = people.reduce((n, p) => n + p.requests.length, 0);
  const bars = options.progress === false ? undefined : new MultiBar(
          // Without a terminal (CI, piped logs) a plain line every few seconds instead of a redrawn bar.
          { format: ' {task} [{bar}] {value}/{total} {unit} | {duration_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
          Presets.shades_classic,
        );
  const sent = bars?.create(requests, 0, { task: 'demo tenant: commands ', unit: 'requests' });
  const managers = people.filter((p) => p.isManager);
  const reports = people.filter((p) => !p.isManager);
  try {
    await sendAll(client, managers, options.concurrency ?? 16, () => sent?.increment());
    await sendAll(client, reports, options.concurrency ?? 16, () => sent?.increment());
    const projected = bars?.create(people.length, 0, { task: 'demo tenant: careers ', unit: 'people' });
    await awaitProjection(client, people.length, options.projectionTimeoutMs ?? 120_000, (total) => projected?.update(Math.min(total, people.length)));
  } finally {
    bars?.stop();
  }
  return { seeded: true, requests, featuredPersonId: featured.personId };
}
