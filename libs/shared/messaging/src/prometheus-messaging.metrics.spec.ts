import { Registry } from 'prom-client';
import { prometheusConsumerMetrics, prometheusRelayMetrics } from './prometheus-messaging.metrics';

describe('Prometheus messaging metrics', () => {
  it('record relay throughput, lag and errors per relay', async () => {
    const registry = new Registry();
    const relay = prometheusRelayMetrics(registry, 'profiles');
    const other = prometheusRelayMetrics(registry, 'goals');

    relay.onPublished?.(500, 1500);
    relay.onPublished?.(20, 250);
    other.onPublished?.(0, 0);
    relay.onError?.(new Error('broker down'));

    const text = await registry.metrics();
    expect(text).toContain('trajectory_relay_published_events_total{relay="profiles"} 520');
    expect(text).toContain('trajectory_relay_published_events_total{relay="goals"} 0');
    expect(text).toContain('trajectory_relay_lag_seconds{relay="profiles"} 0.25');
    expect(text).toContain('trajectory_relay_errors_total{relay="profiles"} 1');
  });

  it('record handled, skipped and dead-lettered events per group and topic', async () => {
    const registry = new Registry();
    const consumer = prometheusConsumerMetrics(registry, 'career');

    consumer.onBatchApplied?.({ topic: 'profiles.events', partition: 0, handled: 7, skipped: 3, deadLettered: 1 });
    consumer.onDeadLettered?.('profiles.events', 'TEST_POISON');

    const text = await registry.metrics();
    expect(text).toContain('trajectory_consumer_handled_events_total{group="career",topic="profiles.events"} 7');
    expect(text).toContain('trajectory_consumer_skipped_events_total{group="career",topic="profiles.events"} 3');
    expect(text).toContain('trajectory_consumer_dead_lettered_events_total{group="career",topic="profiles.events",code="TEST_POISON"} 1');
  });
});
