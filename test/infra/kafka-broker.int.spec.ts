import { eventually, testKafka, uniqueName } from '@trajectory/shared/testing';
import type { Admin, Consumer, Producer } from 'kafkajs';

/** The first thing every other Kafka test relies on: a real broker that keeps group offsets. */
describe('the Kafka broker', () => {
  const kafka = testKafka('broker-smoke');
  const topic = uniqueName('smoke');
  const groupId = uniqueName('smoke_group');
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer;

  beforeAll(async () => {
    admin = kafka.admin();
    producer = kafka.producer();
    consumer = kafka.consumer({ groupId });
    await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('produces, consumes in a group and commits the offset', async () => {
    await producer.send({ topic, messages: ['a', 'b', 'c'].map((value) => ({ key: 'k', value })) });
    const seen: string[] = [];
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message, partition }) => {
        seen.push(message.value?.toString() ?? '');
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
    await eventually(() => expect(seen).toEqual(['a', 'b', 'c']));
    await eventually(async () => {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(offsets?.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '3' })]);
    });
  });
});
