import { Logger, type LoggerService } from '@nestjs/common';
import { Partitioners, type Consumer, type ConsumerConfig, type EachBatchPayload, type Kafka, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { ConsumedEventHandler } from './consumed-event';
import { DeadLetterPublisher, deadLetterTopicFor } from './dead-letter.publisher';
import { MessagingStateError } from './messaging.errors';
import type { ConsumerMetrics } from './messaging.metrics';
import { PartitionBatchApplier } from './partition-batch.applier';
import { DEFAULT_DEDUPE_RETENTION_MS, ProcessedEventsPruner } from './processed-events.pruner';

export interface CommittedPosition {
  topic: string;
  partition: number;
  /** Offset of the last message covered by the PostgreSQL commit. */
  offset: string;
}

export interface KafkaConsumerRunnerOptions {
  kafka: Kafka;
  /** The consumer's own database; must hold the tables of messagingMigrations. */
  pool: Pool;
  groupId: string;
  topics: readonly string[];
  handler: ConsumedEventHandler;
  /** Where a new group starts. Default true: read models want the whole history. */
  fromBeginning?: boolean;
  /** Attempts per failing message before the DLQ, counting the batch attempt. Default 3. */
  maxAttempts?: number;
  /** Retry n waits n × this. Default 100 ms. */
  retryBackoffMs?: number;
  /** Messages per PostgreSQL transaction. Default 500. */
  maxTransactionSize?: number;
  /** Each concurrent partition holds one pool connection. Default 1. */
  partitionsConsumedConcurrently?: number;
  /** Default `<topic>.dlq`. */
  deadLetterTopic?: (topic: string) => string;
  /**
   * Least time between two Kafka offset commits of a partition. Default 1000 ms. Offsets
   * applied in between are committed by the next batch that is due or by a timer, so the
   * group's committed offset trails PostgreSQL by at most this long; a restart redelivers
   * that much, and the dedupe check skips it. 0 commits after every batch.
   */
  offsetCommitIntervalMs?: number;
  /** kafkajs consumer settings; `maxWaitTimeInMs` defaults to 1000 here. */
  consumerConfig?: Omit<ConsumerConfig, 'groupId'>;
  metrics?: ConsumerMetrics;
  logger?: LoggerService;
  /**
   * PostgreSQL channel on which each transaction that applied events announces their keys
   * when it commits (NOTIFY, in the statement that advances the offset): readers that wait
   * for a write to reach the read model wake then instead of polling. Off when unset.
   */
  notifyChannel?: string;
  /**
   * How long the ids of applied events are kept for catching the relay's duplicates
   * (ProcessedEventsPruner: at start, then hourly). Default a week; 0 keeps them forever.
   * Must outlast the longest a relay can stay down with a batch it has not checkpointed.
   */
  dedupeRetentionMs?: number;
  /**
   * Runs after PostgreSQL committed and before Kafka does. The gap it marks is the one
   * dedupe exists for; tracing and fault-injection tests hook in here.
   */
  beforeOffsetCommit?: (position: CommittedPosition) => Promise<void> | void;
}

/**
 * Consumes with an exactly-once effect on at-least-once delivery: each batch is applied
 * in a PostgreSQL transaction that also records the offsets and event ids it applied;
 * the Kafka offset is committed afterwards and is only a hint for where to resume.
 * Startup does not seek to the stored offsets: redelivered messages are skipped by the
 * dedupe check, which costs one read per batch.
 */
export class KafkaConsumerRunner {
  private readonly logger: LoggerService;
  private readonly maxTransactionSize: number;
  private readonly offsetCommitIntervalMs: number;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  /** Per `topic:partition`: when Kafka last got a commit, and what awaits the next one. */
  private readonly lastCommitAt = new Map<string, number>();
  private readonly pendingCommits = new Map<string, CommittedPosition>();
  private flushTimer: NodeJS.Timeout | undefined;
  private pruner: ProcessedEventsPruner | undefined;

  constructor(private readonly options: KafkaConsumerRunnerOptions) {
    this.logger = options.logger ?? new Logger(`KafkaConsumerRunner(${options.groupId})`);
    this.maxTransactionSize = options.maxTransactionSize ?? 500;
    this.offsetCommitIntervalMs = options.offsetCommitIntervalMs ?? 1000;
  }

  /** The kafkajs consumer, for its instrumentation events; undefined until started. */
  get kafkaConsumer(): Consumer | undefined {
    return this.consumer;
  }

  async start(): Promise<void> {
    if (this.consumer !== undefined) throw new MessagingStateError('consumer already started', { groupId: this.options.groupId });
    const { kafka, groupId } = this.options;
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    // kafkajs long-polls for 5 s by default and stop() waits out the poll in flight: a
    // shorter one bounds shutdown time at the cost of a few idle fetches.
    const consumer = kafka.consumer({ maxWaitTimeInMs: 1000, ...this.options.consumerConfig, groupId });
    this.consumer = consumer;
    this.producer = producer;
    try {
      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
      const applier = new PartitionBatchApplier({
        pool: this.options.pool,
        groupId,
        handler: this.options.handler,
        deadLetters: new DeadLetterPublisher(producer, this.options.deadLetterTopic ?? deadLetterTopicFor),
        maxAttempts: this.options.maxAttempts ?? 3,
        retryBackoffMs: this.options.retryBackoffMs ?? 100,
        logger: this.logger,
        metrics: this.options.metrics,
        ...(this.options.notifyChannel === undefined ? {} : { notifyChannel: this.options.notifyChannel }),
      });
      const retentionMs = this.options.dedupeRetentionMs ?? DEFAULT_DEDUPE_RETENTION_MS;
      if (retentionMs > 0) {
        this.pruner = new ProcessedEventsPruner({ pool: this.options.pool, groupId, retentionMs, logger: this.logger });
        this.pruner.start();
      }
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.onBatch(applier, payload),
      });
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Lets the batch in flight finish its transaction, then leaves the group. */
  async stop(): Promise<void> {
    const { consumer, producer, pruner } = this;
    this.consumer = undefined;
    this.producer = undefined;
    this.pruner = undefined;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pendingCommits.clear();
    await pruner?.stop();
    await consumer?.disconnect();
    await producer?.disconnect();
  }

  private async onBatch(applier: PartitionBatchApplier, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    for (let start = 0; start < batch.messages.length; start += this.maxTransactionSize) {
      // Stopping or a seek after a rebalance: leave the rest for whoever resumes; what is
      // already committed to PostgreSQL will be skipped then.
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + this.maxTransactionSize);
      let committed: string | undefined;
      const stats = await applier.apply(topic, partition, chunk, async (lastOffset) => {
        resolveOffset(lastOffset);
        committed = lastOffset;
        await heartbeat();
      });
      const lastOffset = chunk[chunk.length - 1]?.offset;
      const offsetLag = lastOffset === undefined ? undefined : Math.max(0, Number(BigInt(batch.highWatermark) - 1n - BigInt(lastOffset)));
      this.options.metrics?.onBatchApplied?.(offsetLag === undefined ? stats : { ...stats, offsetLag });
      if (committed === undefined) continue;
      const position = { topic, partition, offset: committed };
      const key = `${topic}:${partition}`;
      if (Date.now() - (this.lastCommitAt.get(key) ?? 0) < this.offsetCommitIntervalMs) {
        this.deferCommit(key, position);
        continue;
      }
      this.pendingCommits.delete(key);
      await this.options.beforeOffsetCommit?.(position);
      // autoCommit is off, so commitOffsetsIfNecessary commits only what it is given.
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: offsetAfter(committed) }] }] });
      this.lastCommitAt.set(key, Date.now());
    }
  }

  /**
   * Kafka's offset is only a hint (PostgreSQL holds the truth), so commits are spaced out:
   * at a few hundred events per second a commit per batch was a broker request per batch.
   */
  private deferCommit(key: string, position: CommittedPosition): void {
    this.pendingCommits.set(key, position);
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flushCommits();
    }, this.offsetCommitIntervalMs);
  }

  private async flushCommits(): Promise<void> {
    const consumer = this.consumer;
    const due = [...this.pendingCommits.entries()];
    this.pendingCommits.clear();
    if (consumer === undefined) return;
    for (const [key, position] of due) {
      try {
        await this.options.beforeOffsetCommit?.(position);
        await consumer.commitOffsets([{ topic: position.topic, partition: position.partition, offset: offsetAfter(position.offset) }]);
        this.lastCommitAt.set(key, Date.now());
      } catch (error) {
        // A rebalance may have moved the partition; the next owner resumes from the last
        // commit and skips what PostgreSQL already holds.
        this.logger.warn?.(`deferred offset commit of ${key}@${position.offset} failed: ${(error as Error).message}`);
      }
    }
  }
}

/** Kafka commits the next offset to read, not the last one handled. */
function offsetAfter(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
