import { resolveTestInfrastructure, type TestInfrastructure } from './test-infrastructure';

declare global {
  var __trajectoryInfra: TestInfrastructure | undefined;
}

/** Resolves real PostgreSQL and Kafka once per run and hands them to workers via env. */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__trajectoryInfra !== undefined) return; // int and e2e projects share one run
  const infra = await resolveTestInfrastructure();
  globalThis.__trajectoryInfra = infra;
  process.env['DATABASE_URL'] = infra.databaseUrl;
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers.join(',');
  process.stdout.write(`\n[test infrastructure: ${infra.source}] postgres and kafka answer\n`);
}
