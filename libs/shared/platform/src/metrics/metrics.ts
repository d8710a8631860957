import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric the platform and shared libraries publish, on one registry per process.
 * Labels are kept to bounded sets (routes, topics, groups): never ids or raw URLs.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventStoreAppendDuration = new Histogram({
    name: 'event_store_append_duration_seconds',
    help: 'Time to append events to a stream, by outcome (ok, conflict, error)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly outboxRelayLag = new Gauge({
    name: 'outbox_relay_lag_seconds',
    help: 'Age of the newest event in the last published batch; 0 when the relay is caught up',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly outboxRelayPublished = new Counter({
    name: 'outbox_relay_published_total',
    help: 'Events published to Kafka by the outbox relay',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly outboxRelayErrors = new Counter({
    name: 'outbox_relay_errors_total',
    help: 'Failed relay iterations (read, publish or checkpoint); the relay backs off and retries',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'consumer_lag_messages',
    help: 'Messages between a consumer group\'s committed offset and the partition end',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });

  readonly consumerProcessed = new Counter({
    name: 'consumer_processed_total',
    help: 'Messages a consumer applied successfully',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
  });

  readonly consumerSkipped = new Counter({
    name: 'consumer_skipped_total',
    help: 'Redelivered or duplicate messages a consumer recognised and skipped (no second effect)',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
  });

  readonly consumerDeadLettered = new Counter({
    name: 'consumer_dead_lettered_total',
    help: 'Messages a consumer gave up on and sent to the dead-letter topic',
    labelNames: ['group', 'topic', 'code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of everything above. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

let instance: Metrics | undefined;

/**
 * The process-wide instance. Library code without Nest (the outbox relay, consumers)
 * records here; Nest injects the same object, so one scrape shows both.
 */
export function getMetrics(): Metrics {
  instance ??= new Metrics();
  return instance;
}
