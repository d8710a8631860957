import type { LoggerService } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { LOST_PREPARED_STATEMENTS } from '@trajectory/shared/platform';
import type { Pool, PoolClient } from 'pg';
import { appliedKeysNotice } from './applied-keys.notice';
import { parseCloudEvent } from './cloud-event-headers';
import type { ConsumedEvent, ConsumedEventHandler } from './consumed-event';
import { advanceAndCommit, beginAndClaim, type EventClaim, type PartitionRef } from './consumer-dedupe.repository';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { describeError } from './messaging.errors';
import type { AppliedBatchStats, ConsumerMetrics } from './messaging.metrics';

export interface PartitionBatchApplierOptions {
  pool: Pool;
  groupId: string;
  handler: ConsumedEventHandler;
  deadLetters: DeadLetterPublisher;
  /** Attempts per message before it is dead-lettered, counting the failed batch attempt. */
  maxAttempts: number;
  /** Back-off before retry n is n × this. */
  retryBackoffMs: number;
  logger: LoggerService;
  metrics?: ConsumerMetrics;
  /** When set, each transaction that applied events NOTIFYs this channel with their keys at commit (see appliedKeysNotice). */
  notifyChannel?: string;
}

/** Called after each PostgreSQL commit with the highest offset it covered. */
export type OnCommitted = (lastOffset: string) => Promise<void>;

interface Item {
  message: KafkaMessage;
  parsed: { ok: true; event: ConsumedEvent } | { ok: false; error: unknown };
}

type Counts = Pick<AppliedBatchStats, 'handled' | 'skipped'>;

/** A handler (not the infrastructure) failed; `index` is -1 when the culprit is unknown. */
class HandlerFailure extends Error {
  constructor(readonly index: number, readonly reason: unknown) {
    super(describeError(reason).message);
  }
}

const IN_FAILED_SQL_TRANSACTION = '25P02';

/**
 * Applies one partition's messages with an exactly-once effect. Happy path: the whole
 * range in one transaction. When a handler fails, the range is split around it — the
 * prefix again as one transaction, the culprit alone with retries and then the DLQ, the
 * rest as one transaction — so a poison message costs a few extra transactions, not a
 * transaction per message, and never blocks the partition.
 */
export class PartitionBatchApplier {
  constructor(private readonly options: PartitionBatchApplierOptions) {}

  async apply(topic: string, partition: number, messages: readonly KafkaMessage[], onCommitted: OnCommitted): Promise<AppliedBatchStats> {
    const stats: AppliedBatchStats = { topic, partition, handled: 0, skipped: 0, deadLettered: 0 };
    const ref: PartitionRef = { groupId: this.options.groupId, topic, partition };
    const items = messages.map((message) => toItem(topic, partition, message));
    await this.applyRange(ref, items, stats, onCommitted);
    return stats;
  }

  private async applyRange(ref: PartitionRef, items: readonly Item[], stats: AppliedBatchStats, onCommitted: OnCommitted): Promise<void> {
    const last = items[items.length - 1];
    if (last === undefined) return;
    try {
      const counts = await this.inTransaction((tx) => this.applyAll(tx, ref, items, 'handle'));
      stats.handled += counts.handled;
      stats.skipped += counts.skipped;
      await onCommitted(last.message.offset);
      return;
    } catch (error) {
      if (!(error instanceof HandlerFailure)) throw error;
      const culprit = items[error.index];
      if (culprit === undefined) {
        // A handler swallowed a SQL error and left the transaction aborted: go one by one.
        for (const item of items) await this.applyRange(ref, [item], stats, onCommitted);
        return;
      }
      await this.applyRange(ref, items.slice(0, error.index), stats, onCommitted);
      await this.applyWithRetries(ref, culprit, error.reason, stats, onCommitted);
      await this.applyRange(ref, items.slice(error.index + 1), stats, onCommitted);
    }
  }

  private async applyWithRetries(ref: PartitionRef, item: Item, firstError: unknown, stats: AppliedBatchStats, onCommitted: OnCommitted): Promise<void> {
    const offset = item.message.offset;
    let lastError = firstError;
    // An unreadable message fails the same way every time: straight to the DLQ.
    for (let attempt = 2; item.parsed.ok && attempt <= this.options.maxAttempts; attempt++) {
      this.options.logger.warn(`${ref.topic}[${ref.partition}]@${offset} failed (${describeError(lastError).code}); attempt ${attempt}`);
      await new Promise((resolve) => setTimeout(resolve, this.options.retryBackoffMs * (attempt - 1)));
      try {
        const counts = await this.inTransaction((tx) => this.applyAll(tx, ref, [item], 'handle'));
        stats.handled += counts.handled;
        stats.skipped += counts.skipped;
        await onCommitted(offset);
        return;
      } catch (error) {
        if (!(error instanceof HandlerFailure)) throw error;
        lastError = error.reason;
      }
    }
    const { code, message } = describeError(lastError);
    this.options.metrics?.onDeadLettered?.(ref.topic, code);
    this.options.logger.error(`${ref.topic}[${ref.partition}]@${offset} dead-lettered (${code}): ${message}`);
    await this.options.deadLetters.publish({ topic: ref.topic, partition: ref.partition, offset }, item.message, lastError);
    // Recorded as processed, so a redelivery after a crash is not dead-lettered twice.
    await this.inTransaction((tx) => this.applyAll(tx, ref, [item], 'record'));
    stats.deadLettered += 1;
    await onCommitted(offset);
  }

  /** One transaction over a non-empty range: begun with the claim, committed with the advance. */
  private async applyAll(tx: PoolClient, ref: PartitionRef, items: readonly Item[], mode: 'handle' | 'record'): Promise<Counts> {
    const counts: Counts = { handled: 0, skipped: 0 };
    const last = items[items.length - 1];
    if (last === undefined) return counts;
    const { nextOffset, claimed: unclaimed } = await beginAndClaim(tx, ref, distinctClaims(items));
    const fresh = items.filter((item) => BigInt(item.message.offset) >= nextOffset);
    counts.skipped += items.length - fresh.length;
    const appliedKeys = new Set<string>();
    for (const item of fresh) {
      if (!item.parsed.ok) {
        if (mode === 'record') continue;
        throw new HandlerFailure(items.indexOf(item), item.parsed.error);
      }
      // Deleting makes a second copy of the same event within this range a skip too.
      if (!unclaimed.delete(item.parsed.event.id)) {
        counts.skipped += 1;
        continue;
      }
      if (mode === 'record') continue;
      try {
        await this.options.handler(item.parsed.event, tx);
      } catch (error) {
        throw new HandlerFailure(items.indexOf(item), error);
      }
      counts.handled += 1;
      if (item.parsed.event.key !== null) appliedKeys.add(item.parsed.event.key);
    }
    const { notifyChannel } = this.options;
    const notice = notifyChannel === undefined ? undefined : appliedKeysNotice(notifyChannel, appliedKeys);
    await advanceAndCommit(tx, ref, BigInt(last.message.offset) + 1n, notice).catch((error: { code?: string }) => {
      throw error.code === IN_FAILED_SQL_TRANSACTION ? new HandlerFailure(items.length === 1 ? 0 : -1, error) : error;
    });
    return counts;
  }

  /** `work` begins and commits the transaction itself (see beginAndClaim); any failure rolls it back. */
  private async inTransaction<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.options.pool.connect();
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      // A session that lost its prepared statements: a fresh connection prepares them anew.
      if (LOST_PREPARED_STATEMENTS.has(sqlStateOf(error))) broken = true;
      throw error;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: destroy, never reuse.
      client.release(broken);
    }
  }
}

/** The SQLSTATE of a PostgreSQL error, also when a handler's failure wraps one. */
function sqlStateOf(error: unknown): string {
  const cause = error instanceof HandlerFailure ? error.reason : error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function toItem(topic: string, partition: number, message: KafkaMessage): Item {
  try {
    const envelope = parseCloudEvent(message.headers, message.value);
    const key = message.key === null ? null : message.key.toString('utf8');
    return { message, parsed: { ok: true, event: { ...envelope, topic, partition, offset: message.offset, key } } };
  } catch (error) {
    return { message, parsed: { ok: false, error } };
  }
}

function distinctClaims(items: readonly Item[]): EventClaim[] {
  const claims = new Map<string, EventClaim>();
  for (const item of items) {
    if (item.parsed.ok && !claims.has(item.parsed.event.id)) {
      claims.set(item.parsed.event.id, { eventId: item.parsed.event.id, offset: item.message.offset });
    }
  }
  return [...claims.values()];
}
