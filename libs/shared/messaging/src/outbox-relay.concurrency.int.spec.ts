import { randomInt, randomUUID } from 'node:crypto';
import { ConcurrencyError, type EventStore, type StoredEvent } from '@trajectory/shared/event-store';
import { eventually, uniqueName } from '@trajectory/shared/testing';
import { OutboxRelay } from './outbox-relay';
import { PostgresOutboxCheckpointStore } from './outbox-checkpoint.store';
import { appendInTransaction, messagesInTopic, openMessagingTestContext, type MessagingTestContext } from './test-support/messaging-test-context';
import { collectTopic } from './test-support/topic-collector';

const WRITERS = 20;
const ROUNDS = 5;
const STREAMS = 10;

async function readEverything(store: EventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (;;) {
    const last = all[all.length - 1];
    const page = await store.readAll({ after: last === undefined ? null : last, limit: 1000 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

describe('OutboxRelay under concurrent writers (PostgreSQL + Kafka)', () => {
  let context: MessagingTestContext;

  beforeAll(async () => {
    context = await openMessagingTestContext('relay_concurrency', WRITERS + 5);
  }, 30_000);
  afterAll(async () => {
    await context.dispose();
  }, 30_000);

  it('publishes every committed event exactly once and in stream order, while commits land out of order', async () => {
    const topic = await context.createTopic('relay_concurrency');
    const collector = await collectTopic(context.kafka, topic);
    const relay = new OutboxRelay({
      eventStore: context.store,
      kafka: context.kafka,
      checkpoints: new PostgresOutboxCheckpointStore(context.pool),
      relayName: uniqueName('relay'),
      origin: { service: 'profiles', context: 'profiles' },
      topic,
      // Small batches so the relay reads many times while transactions are still open.
      batchSize: 25,
      idleIntervalMs: 5,
      metrics: { onPublished: (count) => void (writing && (publishedWhileWriting += count)) },
    });
    let writing = true;
    let publishedWhileWriting = 0;
    const streams = Array.from({ length: STREAMS }, () => `person-${randomUUID()}`);
    let conflicts = 0;
    const writer = async (id: number): Promise<void> => {
      for (let round = 0; round < ROUNDS; round++) {
        const streamId = streams[(id + round) % STREAMS] as string;
        const events = Array.from({ length: 1 + ((id + round) % 3) }, (_, n) => ({ type: 'GoalCheckedIn', data: { id, round, n } }));
        // Writers share streams: a loser of the per-stream race rolls back and tries again.
        for (;;) {
          try {
            await appendInTransaction(context, streamId, events, { expectedVersion: 'any', tenantId: 'acme' }, randomInt(0, 31));
            break;
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
            conflicts += 1;
          }
        }
      }
    };

    await relay.start();
    try {
      await Promise.all(Array.from({ length: WRITERS }, (_, id) => writer(id)));
      writing = false;
      const stored = await readEverything(context.store);
      const expectedCount = Array.from({ length: WRITERS }, (_, id) => id).reduce(
        (sum, id) => sum + Array.from({ length: ROUNDS }, (_, round) => 1 + ((id + round) % 3)).reduce((a, b) => a + b, 0),
        0,
      );
      expect(stored).toHaveLength(expectedCount);
      const newest = stored[stored.length - 1] as StoredEvent;

      await eventually(() => expect(relay.lastCheckpoint).toEqual({ transactionId: newest.transactionId, globalPosition: newest.globalPosition }), { timeoutMs: 30000 });
      await eventually(() => expect(collector.messages.length).toBeGreaterThanOrEqual(stored.length), { timeoutMs: 30000 });

      // The topic holds exactly as many messages as the store holds events: none twice.
      expect(await messagesInTopic(context.admin, topic)).toBe(stored.length);
      const publishedIds = collector.messages.map((m) => m.headers['ce_id']);
      expect(new Set(publishedIds).size).toBe(stored.length);
      expect([...publishedIds].sort()).toEqual(stored.map((e) => e.eventId).sort());

      const versionsByStream = new Map<string, number[]>();
      for (const message of collector.messages) {
        expect(message.key).toBe(message.headers['ce_subject']);
        const versions = versionsByStream.get(message.key as string) ?? [];
        versions.push(Number(message.headers['ce_streamversion']));
        versionsByStream.set(message.key as string, versions);
      }
      expect([...versionsByStream.keys()].sort()).toEqual([...streams].sort());
      for (const streamId of streams) {
        const { currentVersion } = await context.store.readStream(streamId);
        expect(versionsByStream.get(streamId)).toEqual(Array.from({ length: currentVersion }, (_, i) => i + 1));
      }
      // Not assertions on the relay: evidence that the writers really raced each other and
      // that the relay read while transactions were still open.
      expect(conflicts).toBeGreaterThan(0);
      expect(publishedWhileWriting).toBeGreaterThan(0);
      expect(publishedWhileWriting).toBeLessThan(stored.length);
    } finally {
      await relay.stop();
      await collector.stop();
    }
  }, 60_000);
});
