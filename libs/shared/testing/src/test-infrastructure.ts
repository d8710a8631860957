import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export const LOCAL_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432';
export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';

export interface TestInfrastructure {
  databaseUrl: string;
  kafkaBrokers: string[];
  source: 'environment' | 'testcontainers' | 'local';
  stop(): Promise<void>;
}

/**
 * One rule for every integration suite: `DATABASE_URL`/`KAFKA_BROKERS` when set; else
 * testcontainers when a container runtime answers; else the local services. Whatever is
 * chosen must answer, or the run fails: a test never skips because a service is absent.
 */
export async function resolveTestInfrastructure(): Promise<TestInfrastructure> {
  const envDb = process.env['DATABASE_URL'];
  const envKafka = process.env['KAFKA_BROKERS'];
  let infra: TestInfrastructure;
  if (envDb !== undefined && envKafka !== undefined) {
    infra = { databaseUrl: envDb, kafkaBrokers: splitBrokers(envKafka), source: 'environment', stop: async () => undefined };
  } else if (await containerRuntimeAnswers()) {
    infra = await startContainers(envDb, envKafka);
  } else {
    infra = {
      databaseUrl: envDb ?? LOCAL_DATABASE_URL,
      kafkaBrokers: splitBrokers(envKafka ?? LOCAL_KAFKA_BROKERS),
      source: envDb !== undefined || envKafka !== undefined ? 'environment' : 'local',
      stop: async () => undefined,
    };
  }
  await assertPostgresAnswers(infra.databaseUrl);
  await assertKafkaAnswers(infra.kafkaBrokers);
  return infra;
}

export function splitBrokers(value: string): string[] {
  return value.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
}

async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(envDb: string | undefined, envKafka: string | undefined): Promise<TestInfrastructure> {
  const stops: Array<() => Promise<unknown>> = [];
  let databaseUrl = envDb;
  if (databaseUrl === undefined) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const pg = await new PostgreSqlContainer('postgres:17-alpine').start();
    stops.push(() => pg.stop());
    databaseUrl = pg.getConnectionUri();
  }
  let brokers = envKafka === undefined ? undefined : splitBrokers(envKafka);
  if (brokers === undefined) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const kafka = await new KafkaContainer('apache/kafka:4.1.1').withKraft().start();
    stops.push(() => kafka.stop());
    brokers = [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`];
  }
  return {
    databaseUrl,
    kafkaBrokers: brokers,
    source: 'testcontainers',
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

export async function assertPostgresAnswers(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL does not answer at ${redact(databaseUrl)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function assertKafkaAnswers(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'trajectory-test-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
    connectionTimeout: 3000,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka does not answer at ${brokers.join(',')}: ${(error as Error).message}. Run "npm run kafka:start".`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
