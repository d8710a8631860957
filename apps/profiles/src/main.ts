import 'reflect-metadata';
import { eventStoreMigrations } from '@trajectory/shared/event-store';
import { ensureTopics, messagingMigrations } from '@trajectory/shared/messaging';
import { PROFILES_TOPIC } from '@trajectory/contracts/profiles';
import { Kafka, logLevel } from 'kafkajs';
import { bootstrapHttpService, ensureDatabase, loadConfig, ProfilesConfig, runMigrations } from '@trajectory/shared/platform';
import { ProfilesAppModule } from './app.module';

async function main(): Promise<void> {
  const config = loadConfig(ProfilesConfig);
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl, [...eventStoreMigrations, ...messagingMigrations]);
  const kafka = new Kafka({ clientId: 'profiles-admin', brokers: config.kafkaBrokers, logLevel: logLevel.WARN });
  await ensureTopics(kafka, [{ topic: `${config.KAFKA_TOPIC_PREFIX}${PROFILES_TOPIC}` }]);
  await bootstrapHttpService(ProfilesAppModule.forConfig(config), { serviceName: 'profiles', port: config.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`profiles failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
