/**
 * Hooks a metrics layer (Prometheus in the services) plugs into, so this library stays
 * free of a particular registry. Every hook is optional and must not throw.
 */
export interface RelayMetrics {
  /**
   * After a batch is published and checkpointed; lag = now − recordedAt of its newest
   * event. Also after an empty poll, with (0, 0): the relay is caught up.
   */
  onPublished?(count: number, lagMs: number): void;
  /** A read, publish or checkpoint failed; the relay backs off and retries. */
  onError?(error: unknown): void;
}

export interface AppliedBatchStats {
  topic: string;
  partition: number;
  /** Messages whose handler ran and committed. */
  handled: number;
  /** Redeliveries and duplicates recognised by offset or event id: no second effect. */
  skipped: number;
  deadLettered: number;
  /** Messages left after this batch up to the partition's high watermark, when known. */
  offsetLag?: number;
}

export interface ConsumerMetrics {
  /** After the messages of one Kafka batch are committed to PostgreSQL. */
  onBatchApplied?(stats: AppliedBatchStats): void;
  onDeadLettered?(topic: string, errorCode: string): void;
}
