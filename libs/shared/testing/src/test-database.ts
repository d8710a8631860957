import { Client } from 'pg';
import { LOCAL_DATABASE_URL } from './test-infrastructure';
import { uniqueName } from './unique-name';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The server URL the global setup resolved (real PostgreSQL, never a mock). */
export function testServerUrl(): string {
  return process.env['DATABASE_URL'] ?? LOCAL_DATABASE_URL;
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a fresh database for one suite, so suites never see each other's rows. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = uniqueName(`trajectory_${prefix}`);
  const admin = new Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrlFor(serverUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
      await client.connect();
      try {
        await untilConnectionsClose(client, name);
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

const CLOSE_WAIT_MS = 5000;
const CLOSE_POLL_MS = 10;

/**
 * pg's Pool.end() resolves once it has asked its connections to close, not once they have
 * closed. Forcing the drop at that moment terminates connections that are still closing,
 * and their pool then raises the termination as an unhandled error in the suite. So the
 * drop first waits (bounded) for the suite's own connections to go; FORCE is for leftovers.
 */
async function untilConnectionsClose(admin: Client, database: string): Promise<void> {
  const deadline = Date.now() + CLOSE_WAIT_MS;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ open: number }>('SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1', [database]);
    if ((rows[0]?.open ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, CLOSE_POLL_MS));
  }
}
