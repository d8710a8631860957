import { Module, type DynamicModule } from '@nestjs/common';
import { PROFILES_CONTEXT, PROFILES_TOPIC } from '@trajectory/contracts/profiles';
import { PROFILES_HTTP_CONTROLLERS } from '@trajectory/profiles/api';
import { PERSONAL_DATA_ERASER, PersonCommandsService, PersonQueriesService, PROFILES_EVENT_STORE, type PersonalDataEraser } from '@trajectory/profiles/application';
import { createProfilesEventStore, EventStorePersonalDataEraser } from '@trajectory/profiles/infrastructure';
import type { PostgresEventStore } from '@trajectory/shared/event-store';
import { OutboxRelay, PostgresOutboxCheckpointStore, prometheusRelayMetrics } from '@trajectory/shared/messaging';
import { dataServiceImports, getMetrics, ProfilesConfig } from '@trajectory/shared/platform';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { OutboxRelayHost, PROFILES_RELAY } from './outbox-relay.host';

/** Wiring only: the profiles service's adapters, use cases and transports. */
@Module({})
export class ProfilesAppModule {
  static forConfig(config: ProfilesConfig): DynamicModule {
    const topic = `${config.KAFKA_TOPIC_PREFIX}${PROFILES_TOPIC}`;
    // Set once the relay exists: every stored append wakes it (see the relay's quiet interval).
    let relay: OutboxRelay | undefined;
    return {
      module: ProfilesAppModule,
      imports: dataServiceImports('profiles', ProfilesConfig, config),
      controllers: PROFILES_HTTP_CONTROLLERS,
      providers: [
        {
          provide: PROFILES_EVENT_STORE,
          inject: [Pool],
          useFactory: (pool: Pool) =>
            createProfilesEventStore(pool, {
              onAppend: (seconds, outcome) => {
                getMetrics().eventStoreAppendDuration.observe({ outcome }, seconds);
                if (outcome === 'ok') relay?.wake();
              },
            }),
        },
        { provide: PERSONAL_DATA_ERASER, inject: [PROFILES_EVENT_STORE], useFactory: (store: PostgresEventStore) => new EventStorePersonalDataEraser(store) },
        {
          provide: PersonCommandsService,
          inject: [PROFILES_EVENT_STORE, PERSONAL_DATA_ERASER],
          useFactory: (store: PostgresEventStore, eraser: PersonalDataEraser) => new PersonCommandsService(store, eraser),
        },
        { provide: PersonQueriesService, inject: [PROFILES_EVENT_STORE], useFactory: (store: PostgresEventStore) => new PersonQueriesService(store) },
        {
          provide: PROFILES_RELAY,
          inject: [Pool, PROFILES_EVENT_STORE],
          useFactory: (pool: Pool, store: PostgresEventStore) =>
            (relay = new OutboxRelay({
              eventStore: store,
              kafka: new Kafka({ clientId: 'profiles-relay', brokers: config.kafkaBrokers, logLevel: logLevel.WARN }),
              checkpoints: new PostgresOutboxCheckpointStore(pool),
              relayName: 'profiles',
              origin: { service: 'profiles', context: PROFILES_CONTEXT },
              topic,
              // Freshness of every read model starts here; an idle poll is one cheap query.
              // 40 ms, not less: under load each poll's batch is a produce request and a
              // consumer transaction, and at 200 commands/s halving the interval made the
              // batches half as big, cost more CPU and roughly doubled the freshness p99
              // (BENCHMARKS.md); the median pays about 10 ms for it.
              idleIntervalMs: 40,
              // A second without appends, and the relay polls once a second instead of 25
              // times (each poll a query): this process's appends wake it at once, and the
              // poll still finds what others append (another replica, a caller's transaction).
              quietAfterMs: 1000,
              quietIntervalMs: 1000,
              metrics: prometheusRelayMetrics(getMetrics(), topic),
            })),
        },
        OutboxRelayHost,
      ],
    };
  }
}
