import { Metrics } from '@trajectory/shared/platform';
import { prometheusConsumerMetrics, prometheusRelayMetrics } from './prometheus-messaging.metrics';

describe('Prometheus messaging metrics', () => {
  it('record relay throughput, lag and errors per topic', async () => {
    const metrics = new Metrics();
    const relay = prometheusRelayMetrics(metrics, 'profiles.events');
    const other = prometheusRelayMetrics(metrics, 'goals.events');

    relay.onPublished?.(500, 1500);
    relay.onPublished?.(20, 250);
    other.onPublished?.(0, 0);
    relay.onError?.(new Error('broker down'));

    const text = (await metrics.render()).body;
    expect(text).toContain('outbox_relay_published_total{topic="profiles.events"} 520');
    expect(text).toContain('outbox_relay_published_total{topic="goals.events"} 0');
    expect(text).toContain('outbox_relay_lag_seconds{topic="profiles.events"} 0.25');
    expect(text).toContain('outbox_relay_errors_total{topic="profiles.events"} 1');
  });

  it('record handled, skipped and dead-lettered events and the lag per partition', async () => {
    const metrics = new Metrics();
    const consumer = prometheusConsumerMetrics(metrics, 'career');

    consumer.onBatchApplied?.({ topic: 'profiles.events', partition: 2, handled: 7, skipped: 3, deadLettered: 1, offsetLag: 42 });
    consumer.onDeadLettered?.('profiles.events', 'TEST_POISON');

    const text = (await metrics.render()).body;
    expect(text).toContain('consumer_processed_total{group="career",topic="profiles.events"} 7');
    expect(text).toContain('consumer_skipped_total{group="career",topic="profiles.events"} 3');
    expect(text).toContain('consumer_lag_messages{group="career",topic="profiles.events",partition="2"} 42');
    expect(text).toContain('consumer_dead_lettered_total{group="career",topic="profiles.events",code="TEST_POISON"} 1');
  });
});
