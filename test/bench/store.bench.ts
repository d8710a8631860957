// Event store benchmark: our PostgreSQL store against emmett-postgresql on the same server,
// plus our outbox relay's throughput to Kafka. Usage: npm run bench:store [-- --quick] [--only=a,b,c,d]
import { join } from 'node:path';
import { benchConfig } from './bench-config';
import { createBenchDatabases, serverFacts, settle, type BenchDatabases } from './bench-databases';
import { localBrokerVersion } from './bench-kafka';
import { machineInfo } from './machine-info';
import { heading, step } from './progress';
import { writeResults } from './report/results-file';
import { resultsTable } from './report/results-table';
import { appendBatches } from './scenarios/append-batches.scenario';
import { appendNewStreams } from './scenarios/append-new-streams.scenario';
import { readLongStream } from './scenarios/read-stream.scenario';
import { relayToKafka } from './scenarios/relay-to-kafka.scenario';
import type { PerStore, ScenarioResult } from './scenarios/scenario.types';
import type { StoreOpener } from './scenarios/side-by-side';
import { emmettBenchStore } from './stores/emmett-bench-store';
import { ourBenchStore } from './stores/our-bench-store';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const config = benchConfig(process.argv.slice(2));
  const date = new Date();
  const machine = machineInfo(ROOT, await serverFacts(), localBrokerVersion(ROOT));
  heading(`store benchmark${config.quick ? ' (--quick)' : ''}`);
  const databases = await step('create and migrate two fresh databases', createBenchDatabases);
  const dropOnSignal = onSignalDrop(databases);
  const results: ScenarioResult[] = [];
  try {
    const openers: PerStore<StoreOpener> = {
      ours: { open: (poolSize) => ourBenchStore(databases.ours.url, poolSize), settle: () => settle(databases.ours.url) },
      emmett: { open: (poolSize) => emmettBenchStore(databases.emmett.url, poolSize), settle: () => settle(databases.emmett.url) },
    };
    const { only } = config;
    if (only.has('a')) results.push(await appendNewStreams(config.newStreams, config.rounds, openers));
    if (only.has('b')) results.push(await appendBatches(config.batches, config.rounds, openers));
    if (only.has('c')) results.push(await readLongStream(config.readStream, config.rounds, openers));
    if (only.has('d')) results.push(await relayToKafka(config.relay, config.rounds, databases.ours.url, openers.ours.settle));
  } finally {
    process.stdout.write(`\n${resultsTable(results, machine, date, config.quick)}\n`);
    process.removeListener('SIGINT', dropOnSignal);
    process.removeListener('SIGTERM', dropOnSignal);
    await step('drop the databases', () => databases.drop());
  }
  const files = await writeResults(ROOT, results, machine, config, date);
  process.stdout.write(`Results: ${files.map((file) => file.slice(ROOT.length + 1)).join(', ')}\n`);
}

/** An interrupted run still drops its databases (FORCE ends the pools' connections). */
function onSignalDrop(databases: BenchDatabases): () => void {
  const handler = () => {
    process.stderr.write('\ninterrupted: dropping the benchmark databases\n');
    databases.drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return handler;
}

main().then(
  // Pools and Kafka clients are closed; exit at once rather than wait on stray timers.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
