import { Kafka, logLevel } from 'kafkajs';
import { LOCAL_KAFKA_BROKERS, splitBrokers } from './test-infrastructure';

export function testKafkaBrokers(): string[] {
  return splitBrokers(process.env['KAFKA_BROKERS'] ?? LOCAL_KAFKA_BROKERS);
}

export function testKafka(clientId = 'trajectory-test'): Kafka {
  return new Kafka({ clientId, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
}
