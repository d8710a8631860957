import 'reflect-metadata';
import { CAREER_CHANGES_CHANNEL, careerMigrations } from '@trajectory/career/infrastructure';
import { PROFILES_TOPIC } from '@trajectory/contracts/profiles';
import { ensureTopics, KafkaEventErrorFilter, KafkaEventTransport, messagingMigrations, prometheusConsumerMetrics } from '@trajectory/shared/messaging';
import { bootstrapHttpService, CareerConfig, ensureDatabase, getMetrics, loadConfig, runMigrations } from '@trajectory/shared/platform';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { CareerAppModule } from './app.module';

async function main(): Promise<void> {
  const config = loadConfig(CareerConfig);
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl, [...messagingMigrations, ...careerMigrations]);
  const groupId = `${config.KAFKA_TOPIC_PREFIX}career`;
  const topics = [`${config.KAFKA_TOPIC_PREFIX}${PROFILES_TOPIC}`];
  const kafka = new Kafka({ clientId: 'career', brokers: config.kafkaBrokers, logLevel: logLevel.WARN });
  await ensureTopics(kafka, [...topics, ...topics.map((topic) => `${topic}.dlq`)].map((topic) => ({ topic })));
  await bootstrapHttpService(CareerAppModule.forConfig(config), {
    serviceName: 'career',
    port: config.port,
    beforeListen: async (app) => {
      const strategy = new KafkaEventTransport({
        kafka,
        // The read model's writes and the consumer's dedupe rows share this pool's database.
        pool: app.get(Pool),
        groupId,
        topics,
        fromBeginning: true,
        // Each commit names the people it projected, waking reads that wait for them.
        notifyChannel: CAREER_CHANGES_CHANNEL,
        dedupeRetentionMs: config.CAREER_DEDUPE_RETENTION_HOURS * 3_600_000,
        metrics: prometheusConsumerMetrics(getMetrics(), groupId),
      });
      // The filter keeps a handler's error code, so the DLQ headers say what went wrong.
      app.connectMicroservice({ strategy }).useGlobalFilters(new KafkaEventErrorFilter());
      await app.startAllMicroservices();
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`career failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
