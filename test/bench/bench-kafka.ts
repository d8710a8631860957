import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

export const BENCH_KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092')
  .split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker.length > 0);

export function benchKafka(clientId: string): Kafka {
  return new Kafka({ clientId, brokers: BENCH_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

/**
 * The broker's version, when it is the one deploy/kafka runs (its jars name the version);
 * kafkajs has no public call for it, and asking the broker is not worth a protocol request.
 */
export function localBrokerVersion(root: string): string {
  const local = BENCH_KAFKA_BROKERS.every((broker) => /^(127\.0\.0\.1|localhost):9092$/.test(broker));
  if (!local) return 'unknown';
  const cache = join(root, 'deploy', 'kafka', '.cache');
  const pidFile = join(cache, 'kafka.pid');
  if (!existsSync(pidFile)) return 'unknown';
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
  } catch {
    return 'unknown';
  }
  const jar = readdirSync(join(cache, 'libs')).find((name) => /^kafka_[\d.]+-[\d.]+\.jar$/.test(name));
  const version = jar?.replace(/^kafka_[\d.]+-/, '').replace(/\.jar$/, '');
  return version === undefined ? 'unknown' : `Apache Kafka ${version} (deploy/kafka, KRaft, single node)`;
}
