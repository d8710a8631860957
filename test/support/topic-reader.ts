import { eventually, testKafka, uniqueName } from '@trajectory/shared/testing';

/** One message as it lies on the topic: where, and everything a reader could see in it. */
export interface TopicMessage {
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** partition → the offset the next message will get (the high watermark). */
export type EndOffsets = Map<number, number>;

export async function fetchEndOffsets(topic: string): Promise<EndOffsets> {
  const admin = testKafka('e2e-offsets').admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a topic from the beginning in a fresh consumer group until `done` holds for the
 * messages read so far (polled, bounded by `timeoutMs`), then returns them all.
 */
export async function readTopicUntil(topic: string, done: (messages: readonly TopicMessage[]) => boolean, timeoutMs = 30_000): Promise<TopicMessage[]> {
  const consumer = testKafka('e2e-topic-reader').consumer({ groupId: uniqueName('e2e_reader'), maxWaitTimeInMs: 100 });
  const messages: TopicMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = (Array.isArray(value) ? value : [value]).map(String).join(',');
        }
        messages.push({ partition, offset: Number(message.offset), key: message.key?.toString('utf8') ?? '', value: message.value?.toString('utf8') ?? '', headers });
      },
    });
    await eventually(
      () => {
        if (!done(messages)) throw new Error(`${topic}: what was awaited is not among the ${messages.length} messages read`);
      },
      { timeoutMs, intervalMs: 100 },
    );
    return [...messages];
  } finally {
    await consumer.disconnect();
  }
}

/** Whether a message lies at or after the end offsets taken earlier (was published since). */
export function publishedSince(message: TopicMessage, endOffsets: EndOffsets): boolean {
  return message.offset >= (endOffsets.get(message.partition) ?? 0);
}
