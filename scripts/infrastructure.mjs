// Brings up what the apps and tests need and is missing: checks PostgreSQL, starts the
// local Kafka broker when no KAFKA_BROKERS is given and nothing answers on 9092.
import { spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432';

export function portAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function checkPostgres(databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const { default: pg } = await import('pg');
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL does not answer at ${url.host} (${error.message}). Start it, or set DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Returns true when this call started the broker (so the caller may stop it again). */
export async function ensureKafka({ allowContainers = false } = {}) {
  if (process.env.KAFKA_BROKERS !== undefined) return false;
  if (allowContainers && (await containerRuntimeAnswers())) return false;
  if (await portAnswers('127.0.0.1', 9092)) return false;
  const started = spawnSync('bash', [join(root, 'deploy/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });
  if (started.status !== 0) throw new Error('The local Kafka broker did not start; see the messages above.');
  return true;
}

export function stopKafka() {
  spawnSync('bash', [join(root, 'deploy/kafka/kafka.sh'), 'stop'], { stdio: 'inherit' });
}

async function containerRuntimeAnswers() {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
