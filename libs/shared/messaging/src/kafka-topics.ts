import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  /** Per-key order holds within a partition; more partitions mean more parallel consumers. */
  numPartitions?: number;
}

/**
 * Creates the topics a service publishes to or consumes from, if they are missing.
 * Relying on broker auto-creation races: a consumer subscribing before the first publish
 * gets "does not host this topic-partition" and dies.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.numPartitions ?? 3, replicationFactor: -1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
