// npm run bench:e2e — through the running apps (real PostgreSQL and Kafka):
//  1. commands at a fixed 200/s for 30 s via the gateway: command latency and freshness
//     (command accepted → visible in GET /people/:id/career), p50/p99;
//  2. (after VACUUM ANALYZE and CHECKPOINT of both databases) GET /people/:id/career at
//     500 requests/s, evenly paced (open loop): p50/p99, the
//     figure held against the goal; then the same rate through autocannon, for reference.
//     Per event of the command phase, where freshness goes: append → Kafka → consumer.
// Prints the figures, writes bench/results/e2e.json. `--quick` shortens both phases.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROFILES_TOPIC } from '@trajectory/contracts/profiles';
import { testKafkaBrokers } from '@trajectory/shared/testing';
import { startSystem } from '../support/running-system';
import { settle } from './bench-databases';
import { signToken } from '../support/tokens';
import { runCommandLoad, type FreshnessMethod } from './e2e/command-load.scenario';
import { GatewayClient } from './e2e/gateway-client';
import { referenceWorkMs } from './e2e/host-speed';
import { measurePipelineStages, type PipelineStages } from './e2e/pipeline-stages';
import { startCpuBreakdown, type CpuBreakdown } from './e2e/process-cpu';
import { runPacedReadLoad } from './e2e/paced-read-load.scenario';
import { runReadLoad } from './e2e/read-load.scenario';

const ROOT = join(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
// --freshness=poll measures freshness by polling, as before reads could wait for a version.
const freshnessMethod: FreshnessMethod = process.argv.includes('--freshness=poll') ? 'poll' : 'wait';
// --no-read-cache: career reads every career from PostgreSQL (CAREER_READ_CACHE_ENTRIES=0).
// The read phase cycles over 200 people, all of whom the cache holds: this shows the misses' cost.
const readCache = !process.argv.includes('--no-read-cache');
const COMMAND_RATE = 200;
const COMMAND_SECONDS = quick ? 5 : 30;
const COMMAND_WARM_UP_SECONDS = quick ? 1 : 5;
const READ_RATE = 500;
const READ_SECONDS = quick ? 5 : 30;
const READ_WARM_UP_SECONDS = quick ? 1 : 3;
const GOALS = { freshnessP99Ms: 250, readP99Ms: 25 };

async function main(): Promise<void> {
  if (spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  const referenceWorkBeforeMs = referenceWorkMs();
  const system = await startSystem({
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
    ...(readCache ? {} : { CAREER_READ_CACHE_ENTRIES: '0' }),
  });
  try {
    const token = await signToken(system.jwtSecret, { tenant: 'bench', roles: ['hr-admin'] });
    const client = new GatewayClient(system.gatewayUrl, token);
    const reader = new GatewayClient(system.gatewayUrl, token);
    // Warm-up at the measured rate, not measured: the first seconds of a fresh process at
    // full load compile its hot code and open the connections that rate needs (each app's
    // pool, each new PostgreSQL backend loading its catalog caches and preparing the named
    // statements), which is start-up cost, not the steady state the figures describe.
    await runCommandLoad(client, reader, COMMAND_RATE, COMMAND_WARM_UP_SECONDS, freshnessMethod);
    process.stdout.write(`commands: ${COMMAND_RATE}/s for ${COMMAND_SECONDS}s …\n`);
    const commandCpu = startCpuBreakdown({ apps: system.pids });
    const commandPhaseStart = new Date();
    const commands = await runCommandLoad(client, reader, COMMAND_RATE, COMMAND_SECONDS, freshnessMethod);
    const commandPhaseEnd = new Date();
    await reader.close();
    const cpuPerCommand = commandCpu(commands.sent);
    // Read after the load, from what every event left behind: no load of its own meanwhile.
    const pipeline = await measurePipelineStages({
      profilesDatabaseUrl: system.databases.profiles.url,
      careerDatabaseUrl: system.databases.career.url,
      brokers: testKafkaBrokers(),
      topic: `${system.topicPrefix}${PROFILES_TOPIC}`,
      from: commandPhaseStart,
      to: commandPhaseEnd,
    });
    const people = await collectPeople(client, 200);
    // As between the store benchmark's turns: the write phase's vacuum and checkpoint work
    // is done now, so the read figures measure reads rather than maintenance left behind.
    await Promise.all([system.databases.profiles.url, system.databases.career.url].map((url) => settle(url)));
    await runPacedReadLoad(client, people, READ_RATE, READ_WARM_UP_SECONDS); // warm-up, not measured: JIT and pools of the read path
    process.stdout.write(`reads: ${READ_RATE}/s for ${READ_SECONDS}s over ${people.length} people, evenly paced …\n`);
    const readCpu = startCpuBreakdown({ apps: system.pids });
    const reads = await runPacedReadLoad(client, people, READ_RATE, READ_SECONDS);
    const cpuPerRead = readCpu(reads.requests);
    await client.close();
    process.stdout.write(`reads: ${READ_RATE}/s for ${READ_SECONDS}s through autocannon (32 connections) …\n`);
    const autocannonReads = await runReadLoad(system.gatewayUrl, token, people, READ_RATE, READ_SECONDS);
    const report = {
      benchmark: 'e2e',
      timestamp: new Date().toISOString(),
      quick,
      machine: {
        cpuModel: cpus()[0]?.model ?? 'unknown',
        cpuCount: cpus().length,
        totalMemoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        // The same fixed work timed before and after the run: higher means a slower host.
        referenceWorkMs: { before: referenceWorkBeforeMs, after: referenceWorkMs() },
      },
      goals: GOALS,
      readCache,
      commands,
      pipeline,
      reads,
      // CPU per command (freshness polls included) and per read, by process (from /proc).
      cpu: { perCommand: cpuPerCommand, perRead: cpuPerRead },
      autocannonReads,
      met: {
        freshness: commands.freshnessMs.p99 <= GOALS.freshnessP99Ms,
        reads: reads.latencyMs.p99 <= GOALS.readP99Ms,
        noErrors: commands.errors === 0 && reads.errors === 0 && reads.non2xx === 0 && autocannonReads.errors === 0 && autocannonReads.non2xx === 0,
      },
    };
    print(report);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', quick ? 'e2e-quick.json' : 'e2e.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await system.stop();
  }
}

/** People registered during the command phase: the reads hit real, projected careers. */
async function collectPeople(client: GatewayClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await client.send('POST', '/people', { givenName: 'Reader', familyName: `R${i}`, email: `r${i}@example.com`, hireDate: '2018-01-01' });
    if (reply.status !== 201) throw new Error(`registering a reader answered ${reply.status}: ${JSON.stringify(reply.json)}`);
    ids.push(String(reply.json['personId']));
  }
  for (const id of ids) {
    // Each read waits for the registration (version 1) to be projected; 503 means ask again.
    for (let attempt = 0; (await client.send('GET', `/people/${id}/career?minVersion=1`)).status !== 200; attempt++) {
      if (attempt > 10) throw new Error(`career of ${id} never appeared`);
    }
  }
  return ids;
}

function print(report: {
  readCache: boolean;
  machine: { referenceWorkMs: { before: number; after: number } };
  cpu: { perCommand: CpuBreakdown | null; perRead: CpuBreakdown | null };
  commands: Awaited<ReturnType<typeof runCommandLoad>>;
  pipeline: PipelineStages;
  reads: Awaited<ReturnType<typeof runPacedReadLoad>>;
  autocannonReads: Awaited<ReturnType<typeof runReadLoad>>;
  met: Record<string, boolean>;
}): void {
  const { commands, pipeline, reads, autocannonReads, met, cpu, machine, readCache } = report;
  const f = (n: number) => n.toFixed(1).padStart(8);
  process.stdout.write(
    [
      '',
      'metric                                          p50 ms   p99 ms   goal',
      `command latency (${COMMAND_RATE}/s)                      ${f(commands.commandLatencyMs.p50)} ${f(commands.commandLatencyMs.p99)}   -`,
      `freshness (accepted → in career, ${commands.freshnessMethod.padEnd(4)})         ${f(commands.freshnessMs.p50)} ${f(commands.freshnessMs.p99)}   p99 ≤ ${GOALS.freshnessP99Ms} ms: ${met['freshness'] ? 'met' : 'NOT met'}`,
      `  stage, per event: append → Kafka (relay)     ${f(pipeline.appendToKafkaMs.p50)} ${f(pipeline.appendToKafkaMs.p99)}   -`,
      `  stage, per event: Kafka → consumer tx start  ${f(pipeline.kafkaToConsumerMs.p50)} ${f(pipeline.kafkaToConsumerMs.p99)}   -`,
      `${`GET career (${READ_RATE}/s, evenly paced${readCache ? '' : ', no cache'})`.padEnd(45)}${f(reads.latencyMs.p50)} ${f(reads.latencyMs.p99)}   p99 ≤ ${GOALS.readP99Ms} ms: ${met['reads'] ? 'met' : 'NOT met'}`,
      `GET career (${READ_RATE}/s, autocannon, reference)    ${f(autocannonReads.latencyMs.p50)} ${f(autocannonReads.latencyMs.p99)}   -`,
      `read send lag (generator behind schedule)      ${f(reads.sendLagMs.p50)} ${f(reads.sendLagMs.p99)}   -`,
      `errors: commands ${commands.errors}/${commands.sent}, reads ${reads.errors} errors + ${reads.non2xx} non-2xx of ${reads.requests}` +
        ` (autocannon ${autocannonReads.errors} + ${autocannonReads.non2xx} of ${autocannonReads.requests}): ${met['noErrors'] ? 'none' : 'SOME'}`,
      '',
      `CPU per command: ${describeCpu(cpu.perCommand)}`,
      `CPU per read:    ${describeCpu(cpu.perRead)}`,
      `host speed: reference work ${machine.referenceWorkMs.before} ms before the run, ${machine.referenceWorkMs.after} ms after (higher is slower)`,
      '',
    ].join('\n'),
  );
}

function describeCpu(cpu: CpuBreakdown | null): string {
  if (cpu === null) return 'not measured (no /proc)';
  const parts = Object.entries(cpu.msPerOperation)
    .sort(([, a], [, b]) => b - a)
    .map(([part, ms]) => `${part} ${ms.toFixed(2)}`)
    .join(', ');
  return (
    `${cpu.totalMsPerOperation.toFixed(2)} ms (${parts}); ${cpu.coresBusy.toFixed(2)} cores busy, ` +
    `other processes, kernel threads and interrupts ${cpu.machine.otherCores.toFixed(2)} cores, machine ${(cpu.machine.idle * 100).toFixed(0)}% idle, ${(cpu.machine.steal * 100).toFixed(0)}% stolen`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:e2e failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
