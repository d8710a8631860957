import { Module, type DynamicModule } from '@nestjs/common';
import { PROFILES_CONTEXT, PROFILES_TOPIC, profilesEventSchemas, profilesEventUpcasters } from '@trajectory/contracts/profiles';
import { PeopleHttpController } from '@trajectory/profiles/api';
import { PersonCommandsService, PersonQueriesService, PROFILES_EVENT_STORE } from '@trajectory/profiles/application';
import { EventSchemaRegistry, PostgresEventStore, UpcasterRegistry } from '@trajectory/shared/event-store';
import { OutboxRelay, PostgresOutboxCheckpointStore, prometheusRelayMetrics } from '@trajectory/shared/messaging';
import {
  createLoggerModule,
  getMetrics,
  HealthModule,
  KafkaReadinessCheck,
  MetricsModule,
  PgPoolModule,
  PostgresReadinessCheck,
  ServiceConfigModule,
  ProfilesConfig,
} from '@trajectory/shared/platform';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { OutboxRelayHost, PROFILES_RELAY } from './outbox-relay.host';

function schemaRegistry(): EventSchemaRegistry {
  const registry = new EventSchemaRegistry();
  for (const { type, version, schema } of profilesEventSchemas) registry.register(type, version, schema);
  return registry;
}

/** Streams written before a schema change are read in the newest shape the decider knows. */
function upcasterRegistry(): UpcasterRegistry {
  const registry = new UpcasterRegistry();
  for (const { type, fromVersion, upcast } of profilesEventUpcasters) registry.register(type, fromVersion, upcast);
  return registry;
}

/** Wiring only: the profiles service's adapters, use cases and transports. */
@Module({})
export class ProfilesAppModule {
  static forConfig(config: ProfilesConfig): DynamicModule {
    const topic = `${config.KAFKA_TOPIC_PREFIX}${PROFILES_TOPIC}`;
    return {
      module: ProfilesAppModule,
      imports: [
        ServiceConfigModule.forRoot(ProfilesConfig),
        createLoggerModule('profiles', { level: config.LOG_LEVEL }),
        MetricsModule,
        PgPoolModule.forRoot({ connectionString: config.databaseUrl }),
        HealthModule.forRootAsync({
          inject: [Pool],
          useFactory: (pool: Pool) => ({
            checks: [new PostgresReadinessCheck(pool), new KafkaReadinessCheck({ brokers: config.kafkaBrokers })],
          }),
        }),
      ],
      controllers: [PeopleHttpController],
      providers: [
        { provide: PROFILES_EVENT_STORE, inject: [Pool], useFactory: (pool: Pool) =>
            new PostgresEventStore(pool, {
              schemas: schemaRegistry(),
              upcasters: upcasterRegistry(),
              onAppend: (seconds, outcome) => getMetrics().eventStoreAppendDuration.observe({ outcome }, seconds),
            }),
        },
        { provide: PersonCommandsService, inject: [PROFILES_EVENT_STORE], useFactory: (store: PostgresEventStore) => new PersonCommandsService(store) },
        { provide: PersonQueriesService, inject: [PROFILES_EVENT_STORE], useFactory: (store: PostgresEventStore) => new PersonQueriesService(store) },
        {
          provide: PROFILES_RELAY,
          inject: [Pool, PROFILES_EVENT_STORE],
          useFactory: (pool: Pool, store: PostgresEventStore) =>
            new OutboxRelay({
              eventStore: store,
              kafka: new Kafka({ clientId: 'profiles-relay', brokers: config.kafkaBrokers, logLevel: logLevel.WARN }),
              checkpoints: new PostgresOutboxCheckpointStore(pool),
              relayName: 'profiles',
              origin: { service: 'profiles', context: PROFILES_CONTEXT },
              topic,
              // Freshness of every read model starts here; an idle poll is one cheap query.
              idleIntervalMs: 20,
              metrics: prometheusRelayMetrics(getMetrics(), topic),
            }),
        },
        OutboxRelayHost,
      ],
    };
  }
}
