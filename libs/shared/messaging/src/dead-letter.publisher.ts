import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { describeError } from './messaging.errors';

export const DLQ_HEADERS = {
  errorCode: 'dlq_error_code',
  errorMessage: 'dlq_error_message',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  failedAt: 'dlq_failed_at',
} as const;

/** Headers have no size limit of their own, but a stack-sized message bloats every fetch. */
const MAX_ERROR_MESSAGE_LENGTH = 2000;

export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  offset: string;
}

export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

export function deadLetterHeaders(origin: DeadLetterOrigin, error: unknown, failedAt: Date): Record<string, string> {
  const { code, message } = describeError(error);
  return {
    [DLQ_HEADERS.errorCode]: code,
    [DLQ_HEADERS.errorMessage]: message.slice(0, MAX_ERROR_MESSAGE_LENGTH),
    [DLQ_HEADERS.originalTopic]: origin.topic,
    [DLQ_HEADERS.originalPartition]: String(origin.partition),
    [DLQ_HEADERS.originalOffset]: origin.offset,
    [DLQ_HEADERS.failedAt]: failedAt.toISOString(),
  };
}

/**
 * Parks a message that keeps failing, unchanged (key, value, CloudEvent headers) so it
 * can be inspected and replayed onto its original topic as it was.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly topicFor: (topic: string) => string = deadLetterTopicFor,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(origin: DeadLetterOrigin, message: KafkaMessage, error: unknown): Promise<void> {
    const headers: IHeaders = { ...message.headers, ...deadLetterHeaders(origin, error, this.now()) };
    await this.producer.send({
      topic: this.topicFor(origin.topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }
}
