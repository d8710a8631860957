import { randomUUID } from 'node:crypto';
import type { GlobalCheckpoint, StoredEvent } from '@trajectory/shared/event-store';
import { eventually, uniqueName } from '@trajectory/shared/testing';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { PostgresOutboxCheckpointStore, type OutboxCheckpointStore } from './outbox-checkpoint.store';
import { appendInTransaction, messagesInTopic, openMessagingTestContext, type MessagingTestContext } from './test-support/messaging-test-context';
import { collectTopic, type TopicCollector } from './test-support/topic-collector';

/** Dies exactly where at-least-once hurts: the batch is on Kafka, its checkpoint is not stored. */
class CrashingCheckpointStore implements OutboxCheckpointStore {
  crashed = false;
  private saves = 0;

  constructor(private readonly inner: OutboxCheckpointStore, private readonly crashOnSave: number) {}

  load(relayName: string): Promise<GlobalCheckpoint | null> {
    return this.inner.load(relayName);
  }

  async save(relayName: string, checkpoint: GlobalCheckpoint): Promise<void> {
    this.saves += 1;
    if (this.saves === this.crashOnSave) {
      this.crashed = true;
      throw new Error('simulated crash between publish and checkpoint');
    }
    await this.inner.save(relayName, checkpoint);
  }
}

describe('OutboxRelay restarts (PostgreSQL + Kafka)', () => {
  let context: MessagingTestContext;
  let topic: string;
  let collector: TopicCollector;
  let relayName: string;
  const relays: OutboxRelay[] = [];

  const appendEvents = async (count: number): Promise<void> => {
    // Ten streams, events in order within each: a stream's versions must stay in order.
    for (let i = 0; i < count; i++) {
      await appendInTransaction(context, `person-${i % 10}`, [{ type: 'JobStarted', data: { n: i, nonce: randomUUID() } }], { expectedVersion: 'any', tenantId: 'acme' });
    }
  };
  const allStored = () => context.store.readAll({ after: null, limit: 10_000 });
  const relay = (overrides: Partial<OutboxRelayOptions> = {}): OutboxRelay => {
    const created = new OutboxRelay({
      eventStore: context.store,
      kafka: context.kafka,
      checkpoints: new PostgresOutboxCheckpointStore(context.pool),
      relayName,
      origin: { service: 'profiles', context: 'profiles' },
      topic,
      batchSize: 10,
      idleIntervalMs: 10,
      ...overrides,
    });
    relays.push(created);
    return created;
  };
  const checkpointOf = (event: StoredEvent): GlobalCheckpoint => ({ transactionId: event.transactionId, globalPosition: event.globalPosition });
  const collectedIds = () => collector.messages.map((m) => m.headers['ce_id'] as string);

  beforeEach(async () => {
    context = await openMessagingTestContext('relay_restart');
    topic = await context.createTopic('relay_restart');
    collector = await collectTopic(context.kafka, topic);
    relayName = uniqueName('relay');
  }, 30_000);
  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop();
    await collector.stop();
    await context.dispose();
  }, 30_000);

  it('after a crash between publish and checkpoint, resumes from the checkpoint: nothing lost, one batch again', async () => {
    await appendEvents(30);
    const crashing = new CrashingCheckpointStore(new PostgresOutboxCheckpointStore(context.pool), 2);
    // A long back-off keeps the crashed instance from retrying before it is "killed".
    const first = relay({ checkpoints: crashing, errorBackoffMs: 60_000 });
    await first.start();
    await eventually(() => expect(crashing.crashed).toBe(true));
    await first.stop();
    const beforeCrash = await allStored();
    expect(await new PostgresOutboxCheckpointStore(context.pool).load(relayName)).toEqual(checkpointOf(beforeCrash[9] as StoredEvent));

    await appendEvents(15);
    const second = relay();
    await second.start();
    const stored = await allStored();
    expect(stored).toHaveLength(45);
    await eventually(() => expect(second.lastCheckpoint).toEqual(checkpointOf(stored[44] as StoredEvent)), { timeoutMs: 20_000 });
    await eventually(() => expect(collector.messages.length).toBeGreaterThanOrEqual(55), { timeoutMs: 20_000 });

    expect(new Set(collectedIds())).toEqual(new Set(stored.map((e) => e.eventId)));
    // Exactly the batch whose checkpoint was lost went out twice.
    expect(await messagesInTopic(context.admin, topic)).toBe(55);
    const twice = [...new Set(collectedIds().filter((id, i, ids) => ids.indexOf(id) !== i))].sort();
    expect(twice).toEqual(stored.slice(10, 20).map((e) => e.eventId).sort());
  }, 60_000);

  it('after a clean stop mid-backlog, the next instance continues without a duplicate', async () => {
    await appendEvents(40);
    let stopping: Promise<void> | undefined;
    const first = relay({ metrics: { onPublished: (count) => void (count > 0 && (stopping ??= first.stop())) } });
    await first.start();
    await eventually(() => expect(stopping).toBeDefined());
    await stopping;
    const publishedByFirst = await messagesInTopic(context.admin, topic);
    expect(publishedByFirst).toBeGreaterThan(0);
    expect(publishedByFirst).toBeLessThan(40);

    await appendEvents(20);
    const second = relay();
    await second.start();
    const stored = await allStored();
    await eventually(() => expect(second.lastCheckpoint).toEqual(checkpointOf(stored[59] as StoredEvent)), { timeoutMs: 20_000 });
    await eventually(() => expect(collector.messages.length).toBeGreaterThanOrEqual(60), { timeoutMs: 20_000 });

    expect(await messagesInTopic(context.admin, topic)).toBe(60);
    expect(collectedIds().sort()).toEqual(stored.map((e) => e.eventId).sort());
  }, 60_000);
});
