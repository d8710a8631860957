import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, eventually, testKafkaBrokers, testServerUrl, uniqueName, type TestDatabase } from '@trajectory/shared/testing';

const ROOT = join(__dirname, '..', '..');
const APPS = ['profiles', 'career', 'gateway'] as const;
type AppName = (typeof APPS)[number];

export interface RunningSystem {
  gatewayUrl: string;
  urls: Record<AppName, string>;
  /** Each app's process id (for measuring its CPU). */
  pids: Record<AppName, number>;
  jwtSecret: string;
  topicPrefix: string;
  databases: { profiles: TestDatabase; career: TestDatabase };
  stop(): Promise<void>;
}

/** The flags every app runs with, as in `npm start` and the container image (ADR 0008). */
function appNodeFlags(): string[] {
  return JSON.parse(readFileSync(join(ROOT, 'apps', 'node-flags.json'), 'utf8')) as string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the built apps as real processes against the real PostgreSQL and Kafka, each run
 * with its own databases, topics and consumer group so runs never see each other's data.
 * `overrides` adds or replaces environment variables of every app (e.g. rate limits).
 */
export async function startSystem(overrides: NodeJS.ProcessEnv = {}): Promise<RunningSystem> {
  const main = (app: AppName) => join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
  for (const app of APPS) {
    if (!existsSync(main(app))) throw new Error(`${main(app)} is missing: run "npm run build" first (npm test does).`);
  }
  const databases = { profiles: await createTestDatabase('profiles'), career: await createTestDatabase('career') };
  const ports = { profiles: await freePort(), career: await freePort(), gateway: await freePort() };
  const urls = { profiles: `http://127.0.0.1:${ports.profiles}`, career: `http://127.0.0.1:${ports.career}`, gateway: `http://127.0.0.1:${ports.gateway}` };
  const topicPrefix = `${uniqueName('e2e')}.`;
  const jwtSecret = `e2e-secret-${uniqueName('jwt')}-0123456789abcdef`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
    DATABASE_URL: testServerUrl(),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    PROFILES_DATABASE: databases.profiles.name,
    CAREER_DATABASE: databases.career.name,
    PROFILES_PORT: String(ports.profiles),
    CAREER_PORT: String(ports.career),
    GATEWAY_PORT: String(ports.gateway),
    PROFILES_URL: urls.profiles,
    CAREER_URL: urls.career,
    JWT_SECRET: jwtSecret,
    ...overrides,
  };
  const children: ChildProcess[] = [];
  const output: string[] = [];
  // APP_CPU_PROFILE_DIR=<dir>: each app writes a V8 CPU profile there when it stops (for
  // finding where a benchmark's time goes; open the files in Chrome DevTools).
  const profileDir = process.env['APP_CPU_PROFILE_DIR'];
  const profiling = profileDir === undefined || profileDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  for (const app of APPS) {
    const child = spawn(process.execPath, [...appNodeFlags(), ...profiling, main(app)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => output.push(`[${app}] ${chunk.toString()}`));
    child.stderr?.on('data', (chunk: Buffer) => output.push(`[${app}] ${chunk.toString()}`));
    children.push(child);
  }
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await databases.profiles.drop();
    await databases.career.drop();
  };
  try {
    for (const app of APPS) {
      await eventually(
        async () => {
          const exited = children.find((child) => child.exitCode !== null);
          if (exited !== undefined) throw new Error(`an app exited early:\n${output.join('')}`);
          const response = await fetch(`${urls[app]}/health/ready`);
          if (!response.ok) throw new Error(`${app} not ready: ${response.status} ${await response.text()}`);
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    }
  } catch (error) {
    await stop();
    throw new Error(`the system did not start: ${(error as Error).message}\n${output.join('').slice(-4000)}`);
  }
  const pids = Object.fromEntries(APPS.map((app, i) => [app, children[i]?.pid ?? -1])) as Record<AppName, number>;
  return { gatewayUrl: urls.gateway, urls, pids, jwtSecret, topicPrefix, databases, stop };
}
