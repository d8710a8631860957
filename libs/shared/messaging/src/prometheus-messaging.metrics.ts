import { Counter, Gauge, type Registry } from 'prom-client';
import type { ConsumerMetrics, RelayMetrics } from './messaging.metrics';

/**
 * Several relays or consumer groups may share one registry; prom-client refuses a second
 * metric of the same name, so the first registration is reused.
 */
function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Counter<L> {
  const existing = registry.getSingleMetric(name);
  if (existing !== undefined) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  const existing = registry.getSingleMetric(name);
  if (existing !== undefined) return existing as Gauge<L>;
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

export function prometheusRelayMetrics(registry: Registry, relayName: string): RelayMetrics {
  const published = counter(registry, 'trajectory_relay_published_events_total', 'Events the outbox relay published to Kafka', ['relay']);
  const lag = gauge(registry, 'trajectory_relay_lag_seconds', 'Age of the newest event in the last published batch; 0 when caught up', ['relay']);
  const errors = counter(registry, 'trajectory_relay_errors_total', 'Failed relay iterations (read, publish or checkpoint)', ['relay']);
  return {
    onPublished: (count, lagMs) => {
      published.inc({ relay: relayName }, count);
      lag.set({ relay: relayName }, lagMs / 1000);
    },
    onError: () => errors.inc({ relay: relayName }),
  };
}

export function prometheusConsumerMetrics(registry: Registry, groupId: string): ConsumerMetrics {
  const handled = counter(registry, 'trajectory_consumer_handled_events_total', 'Events applied by a handler and committed', ['group', 'topic']);
  const skipped = counter(registry, 'trajectory_consumer_skipped_events_total', 'Redelivered or duplicate events skipped by dedupe', ['group', 'topic']);
  const deadLettered = counter(registry, 'trajectory_consumer_dead_lettered_events_total', 'Events sent to the DLQ', ['group', 'topic', 'code']);
  return {
    onBatchApplied: (stats) => {
      handled.inc({ group: groupId, topic: stats.topic }, stats.handled);
      skipped.inc({ group: groupId, topic: stats.topic }, stats.skipped);
    },
    onDeadLettered: (topic, errorCode) => deadLettered.inc({ group: groupId, topic, code: errorCode }),
  };
}
