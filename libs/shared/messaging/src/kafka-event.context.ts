import { BaseRpcContext } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import type { ConsumedEvent } from './consumed-event';

/**
 * What a Nest `@EventPattern` handler gets through `@Ctx()`: the transaction its writes
 * must use, so they commit together with the consumer's dedupe record.
 */
export class KafkaEventContext extends BaseRpcContext<[ConsumedEvent, PoolClient]> {
  getEvent(): ConsumedEvent {
    return this.args[0];
  }

  getTx(): PoolClient {
    return this.args[1];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  getOffset(): string {
    return this.args[0].offset;
  }
}
