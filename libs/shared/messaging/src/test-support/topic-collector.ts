import { uniqueName } from '@trajectory/shared/testing';
import type { Consumer, IHeaders, Kafka } from 'kafkajs';

export interface CollectedMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface TopicCollector {
  readonly messages: CollectedMessage[];
  stop(): Promise<void>;
}

/** A plain consumer in a group of its own that keeps everything a topic receives. */
export async function collectTopic(kafka: Kafka, topic: string): Promise<TopicCollector> {
  const messages: CollectedMessage[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: uniqueName('collector'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      messages.push({
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8') ?? null,
        value: message.value?.toString('utf8') ?? null,
        headers: textHeaders(message.headers),
      });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}

export function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}
