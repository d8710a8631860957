import { randomUUID } from 'node:crypto';
import { eventually, uniqueName } from '@trajectory/shared/testing';
import { Kafka as CEKafka, type CloudEventV1, type KafkaMessage as CEKafkaMessage } from 'cloudevents';
import { OutboxRelay } from './outbox-relay';
import { PostgresOutboxCheckpointStore } from './outbox-checkpoint.store';
import { appendInTransaction, openMessagingTestContext, type MessagingTestContext } from './test-support/messaging-test-context';
import { collectTopic } from './test-support/topic-collector';

describe('what the relay publishes, read with the CloudEvents SDK (PostgreSQL + Kafka)', () => {
  let context: MessagingTestContext;

  beforeAll(async () => {
    context = await openMessagingTestContext('relay_cloudevents');
  }, 30_000);
  afterAll(async () => {
    await context.dispose();
  }, 30_000);

  it('every message is a binary-mode CloudEvent with our attributes and extensions', async () => {
    const topic = await context.createTopic('relay_cloudevents');
    const collector = await collectTopic(context.kafka, topic);
    const relay = new OutboxRelay({
      eventStore: context.store,
      kafka: context.kafka,
      checkpoints: new PostgresOutboxCheckpointStore(context.pool),
      relayName: uniqueName('relay'),
      origin: { service: 'profiles', context: 'profiles' },
      topic,
      idleIntervalMs: 10,
    });
    const streamId = `person-${randomUUID()}`;
    await appendInTransaction(
      context,
      streamId,
      [
        { type: 'PersonRegistered', data: { personId: streamId, displayName: 'Ada' }, schemaVersion: 1 },
        { type: 'JobStarted', data: { title: 'Engineer', level: 3 }, schemaVersion: 2 },
      ],
      { expectedVersion: 'no_stream', tenantId: 'acme', correlationId: 'corr-42', causationId: 'cmd-7' },
    );
    const { events: stored } = await context.store.readStream(streamId);

    await relay.start();
    try {
      await eventually(() => expect(collector.messages).toHaveLength(2), { timeoutMs: 20_000 });
    } finally {
      await relay.stop();
      await collector.stop();
    }

    const parsed = collector.messages.map((message) => {
      const kafkaMessage: CEKafkaMessage<string> = {
        key: message.key ?? '',
        value: message.value ?? '',
        headers: message.headers,
        body: message.value ?? '',
      };
      return CEKafka.toEvent(kafkaMessage) as CloudEventV1<unknown>;
    });
    expect(parsed.map((event) => event.id).sort()).toEqual(stored.map((event) => event.eventId).sort());
    for (const event of stored) {
      const cloudEvent = parsed.find((candidate) => candidate.id === event.eventId);
      expect(cloudEvent).toMatchObject({
        specversion: '1.0',
        source: '/trajectory/profiles',
        type: `trajectory.profiles.${event.type}.v${event.schemaVersion}`,
        subject: streamId,
        time: event.recordedAt.toISOString(),
        datacontenttype: 'application/json',
        data: event.data,
        tenantid: 'acme',
        correlationid: 'corr-42',
        causationid: 'cmd-7',
        streamversion: String(event.streamVersion),
        partitionkey: streamId,
      });
    }
    expect(parsed.map((event) => event.type).sort()).toEqual(['trajectory.profiles.JobStarted.v2', 'trajectory.profiles.PersonRegistered.v1']);
  }, 60_000);
});
