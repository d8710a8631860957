import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { isObservable, lastValueFrom } from 'rxjs';
import { parseCloudEventType } from './cloud-event-headers';
import type { ConsumedEvent } from './consumed-event';
import { KafkaEventContext } from './kafka-event.context';
import { KafkaConsumerRunner, type KafkaConsumerRunnerOptions } from './kafka-consumer-runner';
import { EventHandlerFailedError, describeError, MessagingStateError } from './messaging.errors';

export type KafkaEventTransportOptions = Omit<KafkaConsumerRunnerOptions, 'handler'>;

type Listener = (...args: unknown[]) => void;

/**
 * Patterns a message is routed by, most specific first: the full `ce_type`
 * (`trajectory.profiles.PersonRegistered.v1`), then the same without its version
 * (`trajectory.profiles.PersonRegistered`) for handlers that accept every version.
 */
export function eventPatternCandidates(ceType: string): string[] {
  const parsed = parseCloudEventType(ceType);
  return parsed === undefined ? [ceType] : [ceType, `trajectory.${parsed.context}.${parsed.eventType}`];
}

/**
 * Runs KafkaConsumerRunner under Nest, so handlers keep `@EventPattern`, DI, pipes and
 * interceptors but get our batching, dedupe and DLQ instead of Nest's Kafka transport
 * (which commits on its own and blocks on poison messages). Events no handler claims
 * are recorded as processed and skipped.
 */
export class KafkaEventTransport extends Server<Record<string, Listener>> implements CustomTransportStrategy {
  private runner: KafkaConsumerRunner | undefined;
  private readonly listeners: Array<{ event: string; callback: Listener }> = [];

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    if (this.runner !== undefined) {
      callback(new MessagingStateError('transport already listening'));
      return;
    }
    const runner = new KafkaConsumerRunner({ ...this.options, handler: (event, tx) => this.dispatch(event, tx) });
    this.runner = runner;
    try {
      await runner.start();
      const consumer = runner.kafkaConsumer;
      for (const { event, callback: listener } of this.listeners) consumer?.on(event as never, listener);
      this._status$.next('connected');
      callback();
    } catch (error) {
      this.runner = undefined;
      callback(error);
    }
  }

  async close(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
    this._status$.next('disconnected');
  }

  /** Forwards to the kafkajs consumer's instrumentation events, e.g. `consumer.crash`. */
  on(event: string, callback: Listener): void {
    this.listeners.push({ event, callback });
    this.runner?.kafkaConsumer?.on(event as never, callback);
  }

  /** The kafkajs Consumer. */
  unwrap<T>(): T {
    const consumer = this.runner?.kafkaConsumer;
    if (consumer === undefined) throw new MessagingStateError('transport is not listening');
    return consumer as T;
  }

  private async dispatch(event: ConsumedEvent, tx: PoolClient): Promise<void> {
    const handler = this.findHandler(event.type);
    if (handler === undefined) return;
    try {
      const result: unknown = await handler(event, new KafkaEventContext([event, tx]));
      // Awaited to completion so every write lands before the transaction commits.
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    } catch (error) {
      if (error instanceof Error) throw error;
      throw new EventHandlerFailedError(describeError(error).message, { pattern: event.type });
    }
  }

  private findHandler(ceType: string): MessageHandler | undefined {
    for (const pattern of eventPatternCandidates(ceType)) {
      const handler = this.getHandlerByPattern(pattern);
      if (handler !== null) return handler;
    }
    return undefined;
  }
}
