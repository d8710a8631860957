/** What the batcher needs to know of an append: its stream and its size. */
export interface Batchable {
  streamId: string;
  eventIds: readonly unknown[];
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs one batch; answers one Settled per append, in order. */
export type BatchExecutor<T, R> = (batch: readonly T[]) => Promise<readonly Settled<R>[]>;

export interface AppendBatchingOptions {
  /** Batches in flight at once (default 4); appends arriving meanwhile queue for the next. */
  maxConcurrentBatches?: number;
  /**
   * Events per batch (default 250); a larger single append still goes, alone. Small enough
   * that big appends spread over several connections, and so over several server cores.
   */
  maxBatchEvents?: number;
}

interface Pending<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit in the application: appends that arrive together share one statement and
 * one commit, so the fsync a commit waits for is paid once per batch, not once per append.
 * Nothing waits on a timer: a lone append leaves on the next turn of the event loop, and
 * appends only gather while earlier batches are in flight.
 *
 * A stream is in at most one batch at a time, so two appends to one stream from this
 * process never race each other (the second sees the first's result, as if in series).
 */
export class AppendBatcher<T extends Batchable, R> {
  private queue: Pending<T, R>[] = [];
  private readonly busyStreams = new Set<string>();
  private running = 0;
  private scheduled = false;
  private readonly maxConcurrentBatches: number;
  private readonly maxBatchEvents: number;

  constructor(
    private readonly execute: BatchExecutor<T, R>,
    options: AppendBatchingOptions = {},
  ) {
    this.maxConcurrentBatches = options.maxConcurrentBatches ?? 4;
    this.maxBatchEvents = options.maxBatchEvents ?? 250;
    if (this.maxConcurrentBatches < 1 || this.maxBatchEvents < 1) throw new RangeError('Batch limits must be positive');
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: callers that submit in the same turn (a burst, or the
    // continuations of the batch that just finished) all land in the queue first.
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.running < this.maxConcurrentBatches && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.running++;
      for (const pending of batch) this.busyStreams.add(pending.item.streamId);
      void this.run(batch);
    }
  }

  /** The oldest appends whose streams are free, one per stream; the rest keep their order. */
  private take(): Pending<T, R>[] {
    const batch: Pending<T, R>[] = [];
    const rest: Pending<T, R>[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (const pending of this.queue) {
      const { streamId, eventIds } = pending.item;
      const fits = batch.length === 0 || events + eventIds.length <= this.maxBatchEvents;
      if (fits && !this.busyStreams.has(streamId) && !streams.has(streamId)) {
        batch.push(pending);
        streams.add(streamId);
        events += eventIds.length;
      } else {
        rest.push(pending);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: readonly Pending<T, R>[]): Promise<void> {
    try {
      const settled = await this.execute(batch.map((p) => p.item));
      batch.forEach((pending, i) => {
        const outcome = settled[i];
        if (outcome === undefined) pending.reject(new Error('Batch answered fewer appends than it was given'));
        else if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.running--;
      for (const pending of batch) this.busyStreams.delete(pending.item.streamId);
      this.schedule();
    }
  }
}
