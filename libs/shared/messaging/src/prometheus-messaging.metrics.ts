import type { Metrics } from '@trajectory/shared/platform';
import type { ConsumerMetrics, RelayMetrics } from './messaging.metrics';

/** Records a relay's hooks into the process's platform metrics (`outbox_relay_*`). */
export function prometheusRelayMetrics(metrics: Metrics, topic: string): RelayMetrics {
  return {
    onPublished: (count, lagMs) => {
      metrics.outboxRelayPublished.inc({ topic }, count);
      metrics.outboxRelayLag.set({ topic }, lagMs / 1000);
    },
    onError: () => metrics.outboxRelayErrors.inc({ topic }),
  };
}

/** Records a consumer group's hooks into the process's platform metrics (`consumer_*`). */
export function prometheusConsumerMetrics(metrics: Metrics, groupId: string): ConsumerMetrics {
  return {
    onBatchApplied: (stats) => {
      metrics.consumerProcessed.inc({ group: groupId, topic: stats.topic }, stats.handled);
      metrics.consumerSkipped.inc({ group: groupId, topic: stats.topic }, stats.skipped);
      if (stats.offsetLag !== undefined) {
        metrics.consumerLag.set({ group: groupId, topic: stats.topic, partition: String(stats.partition) }, stats.offsetLag);
      }
    },
    onDeadLettered: (topic, errorCode) => metrics.consumerDeadLettered.inc({ group: groupId, topic, code: errorCode }),
  };
}
