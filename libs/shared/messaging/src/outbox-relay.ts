import { Logger, type LoggerService } from '@nestjs/common';
import type { EventStore, GlobalCheckpoint, StoredEvent } from '@trajectory/shared/event-store';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { toKafkaMessage, type CloudEventOrigin } from './cloud-event-headers';
import { InterruptibleDelay } from './interruptible-delay';
import { describeError, MessagingStateError } from './messaging.errors';
import type { RelayMetrics } from './messaging.metrics';
import type { OutboxCheckpointStore } from './outbox-checkpoint.store';

export interface OutboxRelayOptions {
  eventStore: Pick<EventStore, 'readAll'>;
  kafka: Kafka;
  checkpoints: OutboxCheckpointStore;
  /** Checkpoint key; replicas of one service share it. */
  relayName: string;
  /** `ce_source` = `/trajectory/<service>`, `ce_type` = `trajectory.<context>.<Type>.v<N>`. */
  origin: CloudEventOrigin;
  /** Default `<context>.events`. */
  topic?: string;
  /** Events per read and per `producer.send`. Default 500. */
  batchSize?: number;
  /** Pause after a batch that was not full, or an empty read. Default 200 ms. */
  idleIntervalMs?: number;
  /**
   * Once nothing was published and no `wake()` came for `quietAfterMs`, reads are spaced
   * this far apart instead, and `wake()` ends the wait at once. Unset: always idleIntervalMs.
   */
  quietIntervalMs?: number;
  /** How long without events or `wake()` before the quiet interval applies. Default 1000 ms. */
  quietAfterMs?: number;
  /** Pause after a failed read, publish or checkpoint. Default 1000 ms. */
  errorBackoffMs?: number;
  metrics?: RelayMetrics;
  logger?: LoggerService;
}

/**
 * Publishes the event store's global log to Kafka, at least once: publish first, then
 * checkpoint. A crash between the two republishes one batch on restart, and consumers
 * drop the duplicates by event id; nothing is ever skipped.
 */
export class OutboxRelay {
  private readonly topic: string;
  private readonly batchSize: number;
  private readonly idleIntervalMs: number;
  private readonly quietIntervalMs: number | undefined;
  private readonly quietAfterMs: number;
  private readonly errorBackoffMs: number;
  private readonly logger: LoggerService;
  private readonly delay = new InterruptibleDelay();
  private checkpoint: GlobalCheckpoint | null = null;
  private producer: Producer | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  /** When events were last published or announced by `wake()`. */
  private lastActivityAt = 0;
  private woken = false;
  private waitingQuietly = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.topic = options.topic ?? `${options.origin.context}.events`;
    this.batchSize = options.batchSize ?? 500;
    this.idleIntervalMs = options.idleIntervalMs ?? 200;
    this.quietIntervalMs = options.quietIntervalMs;
    this.quietAfterMs = options.quietAfterMs ?? 1000;
    this.errorBackoffMs = options.errorBackoffMs ?? 1000;
    this.logger = options.logger ?? new Logger(`OutboxRelay(${options.relayName})`);
  }

  /** The last checkpoint stored by this instance (null before its first batch on a fresh store). */
  get lastCheckpoint(): GlobalCheckpoint | null {
    return this.checkpoint;
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  async start(): Promise<void> {
    if (this.loop !== undefined) throw new MessagingStateError('relay already started', { relayName: this.options.relayName });
    const producer = this.options.kafka.producer({
      // Idempotence with one request in flight keeps per-key order through broker retries.
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      this.checkpoint = await this.options.checkpoints.load(this.options.relayName);
    } catch (error) {
      await producer.disconnect();
      throw error;
    }
    this.producer = producer;
    this.stopping = false;
    this.loop = this.run(producer);
  }

  /**
   * Something was appended (e.g. the event store's onAppend, in the same process): a quiet
   * relay reads now instead of at the end of its quiet interval, and stays on the shorter
   * idle interval for a while. Appends it is not told of are still found by polling.
   */
  wake(): void {
    this.lastActivityAt = Date.now();
    this.woken = true;
    if (this.waitingQuietly) this.delay.interrupt();
  }

  /** Finishes the batch in flight (publish and checkpoint), then disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.delay.interrupt();
    await this.loop;
    this.loop = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async run(producer: Producer): Promise<void> {
    // Where the next read starts: the last event read, which runs ahead of the stored
    // checkpoint while a batch is being published.
    let cursor = this.checkpoint;
    let readAhead: Promise<StoredEvent[]> | undefined;
    while (!this.stopping) {
      try {
        const events = await (readAhead ?? this.read(cursor));
        readAhead = undefined;
        const last = events[events.length - 1];
        if (last === undefined) {
          // Caught up: report it, so a lag gauge falls to zero instead of freezing.
          this.options.metrics?.onPublished?.(0, 0);
          await this.pause();
          continue;
        }
        this.lastActivityAt = Date.now();
        cursor = { transactionId: last.transactionId, globalPosition: last.globalPosition };
        // A full batch means more is waiting: read it while this one is on its way to Kafka
        // (the send is mostly waiting on the broker), instead of one after the other.
        if (events.length === this.batchSize) readAhead = this.read(cursor);
        await this.publish(producer, events, cursor);
        if (events.length < this.batchSize && !this.stopping) await this.pause();
      } catch (error) {
        // Whatever was read ahead follows a batch that may not be out: start again from the
        // stored checkpoint, so nothing is skipped (at least once).
        await readAhead?.catch(() => undefined);
        readAhead = undefined;
        cursor = this.checkpoint;
        this.options.metrics?.onError?.(error);
        const { code, message } = describeError(error);
        this.logger.error(`relay to ${this.topic} failed (${code}): ${message}; retrying`);
        if (!this.stopping) await this.delay.wait(this.errorBackoffMs);
      }
    }
    // Stopping with a read in flight: let it finish before the caller closes the pool.
    await readAhead?.catch(() => undefined);
  }

  /**
   * The idle interval, so that under load batches gather for that long (bigger batches,
   * fewer produce requests and consumer transactions); then, once quiet, the rest of the
   * quiet interval unless woken: an idle relay costs a read per quiet interval, not one per
   * idle interval, and a wake-up after a quiet spell is published at once.
   */
  private async pause(): Promise<void> {
    if (this.stopping) return;
    await this.delay.wait(this.idleIntervalMs);
    const quiet = this.quietIntervalMs !== undefined && Date.now() - this.lastActivityAt > this.quietAfterMs;
    if (quiet && !this.woken && !this.stopping) {
      this.waitingQuietly = true;
      await this.delay.wait(Math.max(0, (this.quietIntervalMs ?? 0) - this.idleIntervalMs));
      this.waitingQuietly = false;
    }
    this.woken = false;
  }

  private read(after: GlobalCheckpoint | null): Promise<StoredEvent[]> {
    const reading = this.options.eventStore.readAll({ after, limit: this.batchSize });
    // Handled here as well, so a read ahead that fails while a send is pending is not an
    // unhandled rejection; the loop still sees the failure when it awaits the read.
    reading.catch(() => undefined);
    return reading;
  }

  private async publish(producer: Producer, events: readonly StoredEvent[], next: GlobalCheckpoint): Promise<void> {
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: events.map((event) => toKafkaMessage(event, this.options.origin)),
    });
    await this.options.checkpoints.save(this.options.relayName, next);
    this.checkpoint = next;
    const last = events[events.length - 1] as StoredEvent;
    this.options.metrics?.onPublished?.(events.length, Date.now() - last.recordedAt.getTime());
  }
}
