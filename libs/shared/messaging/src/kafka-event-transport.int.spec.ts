import { Controller, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import type { INestMicroservice } from '@nestjs/common';
import { eventually, uniqueName } from '@trajectory/shared/testing';
import type { ConsumedEvent } from './consumed-event';
import { DLQ_HEADERS } from './dead-letter.publisher';
import { KafkaEventErrorFilter } from './kafka-event-error.filter';
import { KafkaEventTransport } from './kafka-event-transport.strategy';
import { KafkaEventContext } from './kafka-event.context';
import { openMessagingTestContext, type MessagingTestContext } from './test-support/messaging-test-context';
import { cloudEventMessage, committedOffsets, produce, quietLogger } from './test-support/test-events';
import { collectTopic } from './test-support/topic-collector';

const PROJECTOR_NAME = Symbol('PROJECTOR_NAME');

class GoalProjectionError extends Error {
  readonly code = 'GOAL_PROJECTION_FAILED';
}

@Controller()
class GoalProjector {
  constructor(@Inject(PROJECTOR_NAME) private readonly name: string) {}

  @EventPattern('trajectory.goals.GoalSet.v1')
  async onGoalSet(@Payload() event: ConsumedEvent<{ title: string }>, @Ctx() context: KafkaEventContext): Promise<void> {
    await context.getTx().query('INSERT INTO goal_view (goal_id, title, projected_by, source_offset) VALUES ($1, $2, $3, $4)', [
      event.subject,
      event.data.title,
      this.name,
      context.getOffset(),
    ]);
  }

  /** Unversioned pattern: every version of GoalAbandoned lands here. */
  @EventPattern('trajectory.goals.GoalAbandoned')
  async onGoalAbandoned(@Payload() event: ConsumedEvent): Promise<void> {
    throw new GoalProjectionError(`cannot abandon ${event.subject ?? '?'}`);
  }
}

@Module({ controllers: [GoalProjector], providers: [{ provide: PROJECTOR_NAME, useValue: 'goal-projector' }] })
class GoalProjectionModule {}

describe('KafkaEventTransport under Nest (PostgreSQL + Kafka)', () => {
  let context: MessagingTestContext;
  let app: INestMicroservice | undefined;

  beforeAll(async () => {
    context = await openMessagingTestContext('nest_transport');
    await context.pool.query('CREATE TABLE goal_view (goal_id text PRIMARY KEY, title text NOT NULL, projected_by text NOT NULL, source_offset bigint NOT NULL)');
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    await context.dispose();
  }, 30_000);

  it('routes events to @EventPattern handlers with DI and the transaction, skips unknown types, dead-letters failures', async () => {
    const topic = await context.createTopic('nest_transport', { partitions: 1, withDlq: true });
    const groupId = uniqueName('nest');
    const dlq = await collectTopic(context.kafka, `${topic}.dlq`);
    app = await NestFactory.createMicroservice<MicroserviceOptions>(GoalProjectionModule, {
      strategy: new KafkaEventTransport({ kafka: context.kafka, pool: context.pool, groupId, topics: [topic], retryBackoffMs: 10, logger: quietLogger }),
      logger: false,
    });
    app.useGlobalFilters(new KafkaEventErrorFilter());
    await app.listen();

    const set = cloudEventMessage('goal-1', 1, { title: 'Lead the platform guild' }, { type: 'GoalSet' });
    const renamed = cloudEventMessage('goal-1', 2, { title: 'nobody listens' }, { type: 'GoalRenamed' });
    const abandoned = cloudEventMessage('goal-1', 3, { reason: 'reorg' }, { type: 'GoalAbandoned', schemaVersion: 2 });
    await produce(context.kafka, topic, [set, renamed, abandoned]);

    try {
      await eventually(async () => {
        const { rows } = await context.pool.query('SELECT goal_id, title, projected_by, source_offset::int AS source_offset FROM goal_view');
        expect(rows).toEqual([{ goal_id: 'goal-1', title: 'Lead the platform guild', projected_by: 'goal-projector', source_offset: 0 }]);
      }, { timeoutMs: 20_000 });
      await eventually(() => expect(dlq.messages).toHaveLength(1), { timeoutMs: 20_000 });
      await eventually(async () => expect((await committedOffsets(context.kafka, groupId, topic)).get(0)).toBe('3'), { timeoutMs: 20_000 });
    } finally {
      await dlq.stop();
    }

    // The original error survives Nest's exception layer, code and all.
    expect(dlq.messages[0]?.headers).toMatchObject({
      ce_id: abandoned.headers['ce_id'],
      ce_type: 'trajectory.goals.GoalAbandoned.v2',
      [DLQ_HEADERS.errorCode]: 'GOAL_PROJECTION_FAILED',
      [DLQ_HEADERS.errorMessage]: 'cannot abandon goal-1',
      [DLQ_HEADERS.originalOffset]: '2',
    });
    const { rows: processed } = await context.pool.query<{ event_id: string }>('SELECT event_id FROM processed_events WHERE group_id = $1 ORDER BY kafka_offset', [groupId]);
    expect(processed.map((row) => row.event_id)).toEqual([set.headers['ce_id'], renamed.headers['ce_id'], abandoned.headers['ce_id']]);
  }, 60_000);
});
