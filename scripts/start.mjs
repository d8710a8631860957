// `npm start`: brings up what is missing (PostgreSQL is checked, Kafka started locally when
// needed), builds, starts every service and the gateway, waits until each is ready and
// prints the URLs. The first time, it fills the `demo` tenant through the gateway
// (scripts/seed-demo.ts; `npm start -- --no-seed` skips that). Ctrl-C stops the apps, and
// the broker too if this script started it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPostgres, ensureKafka, root, stopKafka } from './infrastructure.mjs';

const APPS = [
  { name: 'profiles', portVar: 'PROFILES_PORT', port: 3001 },
  { name: 'career', portVar: 'CAREER_PORT', port: 3002 },
  { name: 'gateway', portVar: 'GATEWAY_PORT', port: 3000 },
];

// The flags every app runs with, as in the tests' running system and the container image
// (ADR 0008: a larger initial old generation means far fewer full garbage collections).
const APP_NODE_FLAGS = JSON.parse(readFileSync(join(root, 'apps/node-flags.json'), 'utf8'));
const children = [];
let startedKafka = false;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nstopping…\n');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  if (startedKafka) stopKafka();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

// While the demo seed draws its progress bars, the apps' access logs (one line per request)
// would bury them: only warnings and errors get through then, except the 429s the seed
// expects (it waits the Retry-After and goes on).
let seeding = false;
const ROUTINE_LEVELS = new Set(['trace', 'debug', 'info']);

function isRoutine(line) {
  try {
    const entry = JSON.parse(line);
    return ROUTINE_LEVELS.has(entry.level) || entry.res?.statusCode === 429;
  } catch {
    return false;
  }
}

function prefixLines(stream, label, target) {
  let buffer = '';
  stream.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (!(seeding && isRoutine(line))) target.write(`${label} ${line}\n`);
  });
}

async function waitReady(app, deadlineMs = 60_000) {
  const port = Number(process.env[app.portVar] ?? app.port);
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`${app.name} exited with code ${app.child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return port;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${app.name} was not ready within ${deadlineMs / 1000}s`);
}

/**
 * Runs the demo seed (which sends nothing when the demo tenant has people already) and
 * returns the person it suggests looking at, or undefined if it failed: the apps keep running.
 */
async function seedDemo(gateway) {
  const child = spawn(process.execPath, [join(root, 'scripts/run-ts.mjs'), join(root, 'scripts/seed-demo.ts'), '--gateway', gateway], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  seeding = true;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  children.splice(children.indexOf(child), 1);
  if (code !== 0) {
    process.stderr.write('The demo seed failed (see above); the apps are running without it.\n');
    return undefined;
  }
  return /^demo-person (\S+)$/m.exec(output)?.[1];
}

try {
  await checkPostgres();
  startedKafka = await ensureKafka();
  if (spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  for (const app of APPS) {
    const child = spawn(process.execPath, [...APP_NODE_FLAGS, join(root, 'dist/apps', app.name, 'src/main.js')], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.child = child;
    children.push(child);
    prefixLines(child.stdout, `[${app.name}]`, process.stdout);
    prefixLines(child.stderr, `[${app.name}]`, process.stderr);
    child.on('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`[${app.name}] exited with code ${code}; stopping everything\n`);
        void shutdown(1);
      }
    });
  }
  const ports = {};
  for (const app of APPS) ports[app.name] = await waitReady(app);
  const gateway = `http://127.0.0.1:${ports.gateway}`;
  const demoPerson = process.argv.includes('--no-seed') ? undefined : await seedDemo(gateway);
  const demo =
    demoPerson === undefined
      ? []
      : [
          `  Demo career    ${gateway}/people/${demoPerson}/career  (tenant demo)`,
          '  Demo token:    npm run --silent token -- --tenant demo --roles hr-admin',
        ];
  process.stdout.write(
    [
      '',
      'Trajectory is running.',
      `  Gateway        ${gateway}`,
      `  API docs       ${gateway}/docs`,
      `  OpenAPI        ${gateway}/openapi.json`,
      `  Health         ${gateway}/health/ready`,
      `  Metrics        ${gateway}/metrics`,
      `  profiles       http://127.0.0.1:${ports.profiles} (internal)`,
      `  career         http://127.0.0.1:${ports.career} (internal)`,
      ...demo,
      '  A token:       npm run --silent token -- --tenant acme --roles hr-admin',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  seeding = false;
} catch (error) {
  process.stderr.write(`\nnpm start failed: ${error.message}\n`);
  await shutdown(1);
}
