import { randomUUID } from 'node:crypto';
import { eventually, uniqueName } from '@trajectory/shared/testing';
import { DLQ_HEADERS } from './dead-letter.publisher';
import { KafkaConsumerRunner, type KafkaConsumerRunnerOptions } from './kafka-consumer-runner';
import type { AppliedBatchStats } from './messaging.metrics';
import { messagesInTopic, openMessagingTestContext, type MessagingTestContext } from './test-support/messaging-test-context';
import { APPLY_EFFECT_SQL, cloudEventMessage, committedOffsets, createEffectsTable, effects, produce, quietLogger } from './test-support/test-events';
import { collectTopic } from './test-support/topic-collector';

class PoisonError extends Error {
  readonly code = 'TEST_POISON';
}

describe('KafkaConsumerRunner (PostgreSQL + Kafka)', () => {
  let context: MessagingTestContext;
  const runners: KafkaConsumerRunner[] = [];

  beforeEach(async () => {
    context = await openMessagingTestContext('consumer_runner');
    await createEffectsTable(context.pool);
  }, 30_000);
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await context.dispose();
  }, 30_000);

  const startRunner = async (options: Omit<KafkaConsumerRunnerOptions, 'kafka' | 'pool' | 'logger'>): Promise<KafkaConsumerRunner> => {
    const runner = new KafkaConsumerRunner({ kafka: context.kafka, pool: context.pool, logger: quietLogger, ...options });
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const totals = (batches: AppliedBatchStats[]) =>
    batches.reduce((sum, b) => ({ handled: sum.handled + b.handled, skipped: sum.skipped + b.skipped, deadLettered: sum.deadLettered + b.deadLettered }), {
      handled: 0,
      skipped: 0,
      deadLettered: 0,
    });

  it('a consumer killed after its PostgreSQL commit but before the Kafka commit gets the messages again, with no second effect', async () => {
    const topic = await context.createTopic('consumer_crash', { partitions: 2 });
    const groupId = uniqueName('group');
    const sent = Array.from({ length: 20 }, (_, i) => cloudEventMessage(`goal-${i % 4}`, Math.floor(i / 4) + 1, { i }));
    await produce(context.kafka, topic, sent);
    const ids = sent.map((m) => m.headers['ce_id'] as string);
    const handler: KafkaConsumerRunnerOptions['handler'] = async (event, tx) => void (await tx.query(APPLY_EFFECT_SQL, [event.id]));

    let crashes = 0;
    const crashing = runners.length;
    await startRunner({
      groupId,
      topics: [topic],
      handler,
      beforeOffsetCommit: () => {
        crashes += 1;
        throw new Error('simulated crash before the Kafka offset commit');
      },
    });
    await eventually(async () => expect((await effects(context.pool)).size).toBe(20), { timeoutMs: 20_000 });
    expect(crashes).toBeGreaterThan(0);
    await runners.splice(crashing, 1)[0]?.stop();
    // Kafka never heard about the progress: a restart starts from the beginning again.
    expect([...(await committedOffsets(context.kafka, groupId, topic)).values()]).toEqual(['-1', '-1']);

    const batches: AppliedBatchStats[] = [];
    await startRunner({ groupId, topics: [topic], handler, metrics: { onBatchApplied: (stats) => void batches.push(stats) } });
    await eventually(async () => {
      const committed = await committedOffsets(context.kafka, groupId, topic);
      expect([...committed.values()].reduce((sum, offset) => sum + Number(offset), 0)).toBe(20);
    }, { timeoutMs: 20_000 });

    expect(totals(batches)).toEqual({ handled: 0, skipped: 20, deadLettered: 0 });
    const applied = await effects(context.pool);
    expect([...applied.keys()].sort()).toEqual([...ids].sort());
    expect([...applied.values()].every((count) => count === 1)).toBe(true);
  }, 60_000);

  it('spaces Kafka offset commits out: a batch soon after a commit is in PostgreSQL but only later in Kafka', async () => {
    const topic = await context.createTopic('consumer_spaced_commits', { partitions: 1 });
    const groupId = uniqueName('group');
    const handler: KafkaConsumerRunnerOptions['handler'] = async (event, tx) => void (await tx.query(APPLY_EFFECT_SQL, [event.id]));
    const runner = await startRunner({ groupId, topics: [topic], handler, offsetCommitIntervalMs: 60_000 });

    await produce(context.kafka, topic, Array.from({ length: 5 }, (_, i) => cloudEventMessage('goal-a', i + 1, { i })));
    // The partition's first batch is committed at once.
    await eventually(async () => expect((await committedOffsets(context.kafka, groupId, topic)).get(0)).toBe('5'), { timeoutMs: 20_000 });

    await produce(context.kafka, topic, Array.from({ length: 5 }, (_, i) => cloudEventMessage('goal-a', i + 6, { i: i + 5 })));
    await eventually(async () => expect((await effects(context.pool)).size).toBe(10), { timeoutMs: 20_000 });
    // Stopping waits for the batch in flight, which would have committed had it been due.
    // Within the interval it was not: Kafka still says 5, and a restart redelivers the rest
    // (which the dedupe check skips).
    runners.splice(runners.indexOf(runner), 1);
    await runner.stop();
    expect((await committedOffsets(context.kafka, groupId, topic)).get(0)).toBe('5');
  }, 60_000);

  it('prunes its ids of applied events older than the dedupe retention when it starts, and only its own', async () => {
    const topic = await context.createTopic('consumer_prune', { partitions: 1 });
    const [groupId, otherGroup] = [uniqueName('group'), uniqueName('other')];
    await context.pool.query(
      `INSERT INTO processed_events (group_id, event_id, topic, partition, kafka_offset, processed_at)
       VALUES ($1, 'old', $3, 0, 0, now() - interval '2 days'), ($1, 'recent', $3, 0, 1, now()), ($2, 'old', $3, 0, 0, now() - interval '2 days')`,
      [groupId, otherGroup, topic],
    );
    await startRunner({ groupId, topics: [topic], handler: async () => undefined, dedupeRetentionMs: 86_400_000 });

    const idsOf = async (group: string) =>
      (await context.pool.query<{ event_id: string }>('SELECT event_id FROM processed_events WHERE group_id = $1 ORDER BY event_id', [group])).rows.map((row) => row.event_id);
    await eventually(async () => expect(await idsOf(groupId)).toEqual(['recent']));
    expect(await idsOf(otherGroup)).toEqual(['old']);
  }, 60_000);

  it('dead-letters a poison message after bounded retries and goes on with the rest of the partition', async () => {
    const topic = await context.createTopic('consumer_poison', { partitions: 1, withDlq: true });
    const groupId = uniqueName('group');
    const dlq = await collectTopic(context.kafka, `${topic}.dlq`);
    const duplicateId = randomUUID();
    const sent: Array<{ key: string; value: string; headers?: Record<string, string> }> = [
      cloudEventMessage('goal-a', 1, { kind: 'ok' }),
      cloudEventMessage('goal-a', 2, { kind: 'poison' }),
      cloudEventMessage('goal-a', 3, { kind: 'ok' }),
      cloudEventMessage('goal-b', 1, { kind: 'flaky' }),
      { key: 'not-a-cloud-event', value: '{"hello":"world"}' },
      cloudEventMessage('goal-c', 1, { kind: 'ok' }, { eventId: duplicateId }),
      // The relay's at-least-once duplicate: same event id, new offset.
      cloudEventMessage('goal-c', 1, { kind: 'ok' }, { eventId: duplicateId }),
      cloudEventMessage('goal-a', 4, { kind: 'ok' }),
    ];
    const [ok1, poison, ok2, flaky, , dup, , ok3] = sent.map((m) => m.headers?.['ce_id'] ?? '');
    const attempts = new Map<string, number>();
    const batches: AppliedBatchStats[] = [];
    await startRunner({
      groupId,
      topics: [topic],
      retryBackoffMs: 10,
      metrics: { onBatchApplied: (stats) => void batches.push(stats) },
      handler: async (event, tx) => {
        attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
        const { kind } = event.data as { kind: string };
        await tx.query(APPLY_EFFECT_SQL, [event.id]);
        if (kind === 'poison') throw new PoisonError('this goal cannot be projected');
        if (kind === 'flaky' && attempts.get(event.id) === 1) throw new Error('transient');
      },
    });
    try {
      await produce(context.kafka, topic, sent);
      await eventually(async () => expect((await committedOffsets(context.kafka, groupId, topic)).get(0)).toBe(String(sent.length)), { timeoutMs: 20_000 });
      await eventually(() => expect(dlq.messages).toHaveLength(2), { timeoutMs: 20_000 });
    } finally {
      await dlq.stop();
    }

    const applied = await effects(context.pool);
    expect(Object.fromEntries(applied)).toEqual({ [ok1 as string]: 1, [ok2 as string]: 1, [flaky as string]: 1, [dup as string]: 1, [ok3 as string]: 1 });
    expect(attempts.get(poison as string)).toBe(3);
    expect(attempts.get(flaky as string)).toBe(2);
    expect(totals(batches)).toMatchObject({ deadLettered: 2, handled: 5 });

    const [poisonLetter, garbageLetter] = [...dlq.messages].sort((a, b) => Number(a.headers[DLQ_HEADERS.originalOffset]) - Number(b.headers[DLQ_HEADERS.originalOffset]));
    expect(poisonLetter).toMatchObject({
      key: 'goal-a',
      value: sent[1]?.value,
      headers: {
        ...sent[1]?.headers,
        [DLQ_HEADERS.errorCode]: 'TEST_POISON',
        [DLQ_HEADERS.errorMessage]: 'this goal cannot be projected',
        [DLQ_HEADERS.originalTopic]: topic,
        [DLQ_HEADERS.originalPartition]: '0',
        [DLQ_HEADERS.originalOffset]: '1',
      },
    });
    expect(Date.parse(poisonLetter?.headers[DLQ_HEADERS.failedAt] ?? '')).not.toBeNaN();
    expect(garbageLetter).toMatchObject({ key: 'not-a-cloud-event', headers: { [DLQ_HEADERS.errorCode]: 'MESSAGING_INVALID_CLOUD_EVENT', [DLQ_HEADERS.originalOffset]: '4' } });
    expect(await messagesInTopic(context.admin, `${topic}.dlq`)).toBe(2);
    const { rows } = await context.pool.query('SELECT next_offset::int AS next FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [groupId, topic]);
    expect(rows).toEqual([{ next: sent.length }]);
  }, 60_000);

  it('a handler that swallows a SQL error cannot commit its half-applied batch: the message is isolated and dead-lettered', async () => {
    const topic = await context.createTopic('consumer_swallow', { partitions: 1, withDlq: true });
    const groupId = uniqueName('group');
    const dlq = await collectTopic(context.kafka, `${topic}.dlq`);
    const sent = [cloudEventMessage('goal-a', 1, { kind: 'ok' }), cloudEventMessage('goal-a', 2, { kind: 'swallow' }), cloudEventMessage('goal-a', 3, { kind: 'ok' })];
    const [first, swallowing, last] = sent.map((m) => m.headers['ce_id'] as string);
    await startRunner({
      groupId,
      topics: [topic],
      retryBackoffMs: 10,
      handler: async (event, tx) => {
        await tx.query(APPLY_EFFECT_SQL, [event.id]);
        // The anti-pattern: the statement fails, the handler carries on, the transaction is dead.
        if ((event.data as { kind: string }).kind === 'swallow') await tx.query('SELECT 1 / 0').catch(() => undefined);
      },
    });
    try {
      await produce(context.kafka, topic, sent);
      await eventually(async () => expect((await committedOffsets(context.kafka, groupId, topic)).get(0)).toBe('3'), { timeoutMs: 20_000 });
      await eventually(() => expect(dlq.messages).toHaveLength(1), { timeoutMs: 20_000 });
    } finally {
      await dlq.stop();
    }

    expect(Object.fromEntries(await effects(context.pool))).toEqual({ [first as string]: 1, [last as string]: 1 });
    // 25P02: in_failed_sql_transaction, reported against the handler that caused it.
    expect(dlq.messages[0]?.headers).toMatchObject({ ce_id: swallowing, [DLQ_HEADERS.errorCode]: '25P02', [DLQ_HEADERS.originalOffset]: '1' });
  }, 60_000);
  it('announces the keys it applied on the notify channel only once they are committed', async () => {
    const topic = await context.createTopic('consumer_notify', { partitions: 2 });
    const channel = uniqueName('applied');
    const listener = await context.pool.connect();
    const notices: Array<{ keys: string[]; committedEffects: number }> = [];
    const pending: Promise<void>[] = [];
    listener.on('notification', (message) => {
      // What a reader woken by the notice would see: the effects must already be there.
      pending.push(
        effects(context.pool).then((applied) => {
          notices.push({ keys: (message.payload ?? '').split('\n'), committedEffects: applied.size });
        }),
      );
    });
    await listener.query(`LISTEN "${channel}"`);
    try {
      const handler: KafkaConsumerRunnerOptions['handler'] = async (event, tx) => void (await tx.query(APPLY_EFFECT_SQL, [event.id]));
      await startRunner({ groupId: uniqueName('group'), topics: [topic], handler, notifyChannel: channel });
      const sent = [cloudEventMessage('goal-a', 1, {}), cloudEventMessage('goal-b', 1, {}), cloudEventMessage('goal-a', 2, {})];
      await produce(context.kafka, topic, sent);

      await eventually(async () => expect(new Set(notices.flatMap((notice) => notice.keys))).toEqual(new Set(['goal-a', 'goal-b'])), { timeoutMs: 20_000 });
      await Promise.all(pending);
      for (const notice of notices) expect(notice.committedEffects).toBeGreaterThanOrEqual(notice.keys.length);
      expect((await effects(context.pool)).size).toBe(3);
    } finally {
      await listener.query(`UNLISTEN "${channel}"`);
      listener.release();
    }
  }, 60_000);
});
