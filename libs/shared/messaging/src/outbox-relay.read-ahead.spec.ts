import type { GlobalCheckpoint, ReadAllOptions, StoredEvent } from '@trajectory/shared/event-store';
import { eventually } from '@trajectory/shared/testing';
import type { Kafka, ProducerRecord } from 'kafkajs';
import type { OutboxCheckpointStore } from './outbox-checkpoint.store';
import { OutboxRelay } from './outbox-relay';

// Unit level: the store, the producer and the checkpoints are in memory, so the test can
// fail exactly the send that has a read ahead of it. The real broker and database are in
// the outbox-relay *.int.spec.ts suites.

const event = (n: number): StoredEvent => ({
  streamId: `person-${n % 3}`,
  streamVersion: Math.floor(n / 3) + 1,
  globalPosition: String(n),
  transactionId: String(n),
  eventId: `event-${n}`,
  type: 'JobStarted',
  schemaVersion: 1,
  data: { n },
  metadata: { tenantId: 'acme' },
  tenantId: 'acme',
  recordedAt: new Date(),
});

const position = (checkpoint: GlobalCheckpoint | null): number => (checkpoint === null ? 0 : Number(checkpoint.globalPosition));

class MemoryLog {
  constructor(readonly events = Array.from({ length: 11 }, (_, i) => event(i + 1))) {}
  readonly reads: number[] = [];

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    this.reads.push(position(after));
    return this.events.filter((e) => Number(e.globalPosition) > position(after)).slice(0, limit);
  }
}

class MemoryCheckpoints implements OutboxCheckpointStore {
  saved: GlobalCheckpoint | null = null;
  async load(): Promise<GlobalCheckpoint | null> {
    return this.saved;
  }
  async save(_relay: string, checkpoint: GlobalCheckpoint): Promise<void> {
    this.saved = checkpoint;
  }
}

/** A producer whose `failOnSend`-th send fails; records what each successful send carried. */
function fakeKafka(failOnSend: number): { kafka: Kafka; published: string[]; sends: () => number } {
  const published: string[] = [];
  let sends = 0;
  const producer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async (record: ProducerRecord) => {
      sends += 1;
      if (sends === failOnSend) throw new Error('broker unavailable');
      published.push(...record.messages.map((message) => (message.headers?.['ce_id'] as string)));
      return [];
    },
  };
  return { kafka: { producer: () => producer } as unknown as Kafka, published, sends: () => sends };
}

describe('OutboxRelay reading ahead', () => {
  const relays: OutboxRelay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  const startRelay = async (log: MemoryLog, kafka: Kafka, checkpoints: MemoryCheckpoints) => {
    const relay = new OutboxRelay({
      eventStore: log,
      kafka,
      checkpoints,
      relayName: 'relay',
      origin: { service: 'profiles', context: 'profiles' },
      batchSize: 4,
      idleIntervalMs: 1,
      errorBackoffMs: 1,
      logger: { log: () => undefined, error: () => undefined, warn: () => undefined },
    });
    relays.push(relay);
    await relay.start();
    return relay;
  };

  it('reads the next batch while a full one is sent, and publishes everything in order', async () => {
    const log = new MemoryLog();
    const { kafka, published } = fakeKafka(0);
    const checkpoints = new MemoryCheckpoints();
    await startRelay(log, kafka, checkpoints);
    await eventually(() => expect(position(checkpoints.saved)).toBe(11));
    expect(published).toEqual(log.events.map((e) => e.eventId));
    expect(log.reads.slice(0, 3)).toEqual([0, 4, 8]);
  });

  it('drops the read-ahead after a failed send and starts again from the stored checkpoint: nothing skipped', async () => {
    const log = new MemoryLog();
    const { kafka, published, sends } = fakeKafka(2);
    const checkpoints = new MemoryCheckpoints();
    await startRelay(log, kafka, checkpoints);
    await eventually(() => expect(position(checkpoints.saved)).toBe(11));
    expect(sends()).toBeGreaterThanOrEqual(4);
    // The second batch (events 5–8) failed once and went again; the third was read ahead of
    // the failure and re-read from the checkpoint after it.
    expect(published).toEqual(log.events.map((e) => e.eventId));
    expect(log.reads.slice(0, 4)).toEqual([0, 4, 8, 4]);
  });

  it('once quiet, stops polling at the idle interval and publishes at once when woken', async () => {
    const log = new MemoryLog([]);
    const { kafka, published } = fakeKafka(0);
    const relay = new OutboxRelay({
      eventStore: log,
      kafka,
      checkpoints: new MemoryCheckpoints(),
      relayName: 'relay',
      origin: { service: 'profiles', context: 'profiles' },
      idleIntervalMs: 1,
      // Quiet from the first empty read on, and then a poll only every minute: within the
      // test, only wake() can make the relay read again.
      quietAfterMs: 0,
      quietIntervalMs: 60_000,
      logger: { log: () => undefined, error: () => undefined, warn: () => undefined },
    });
    relays.push(relay);
    await relay.start();
    await eventually(() => expect(log.reads.length).toBe(1));
    log.events.push(event(1));
    relay.wake();
    await eventually(() => expect(published).toEqual(['event-1']));
    // The read that found the event, and at most the one that found nothing after it.
    expect(log.reads.length).toBeLessThanOrEqual(3);
  });
});
