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
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
