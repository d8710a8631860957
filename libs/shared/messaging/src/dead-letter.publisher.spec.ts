import type { KafkaMessage, Producer, ProducerRecord } from 'kafkajs';
import { DeadLetterPublisher, deadLetterHeaders } from './dead-letter.publisher';
import { InvalidCloudEventError } from './messaging.errors';

describe('dead letters', () => {
  const failedAt = new Date('2026-05-06T07:08:09.000Z');
  const origin = { topic: 'profiles.events', partition: 2, offset: '1234' };

  it('describe the failure and where the message came from', () => {
    expect(deadLetterHeaders(origin, new InvalidCloudEventError('missing header ce_id'), failedAt)).toEqual({
      dlq_error_code: 'MESSAGING_INVALID_CLOUD_EVENT',
      dlq_error_message: 'missing header ce_id',
      dlq_original_topic: 'profiles.events',
      dlq_original_partition: '2',
      dlq_original_offset: '1234',
      dlq_failed_at: '2026-05-06T07:08:09.000Z',
    });
  });

  it('fall back to the error name, and cap long messages', () => {
    const headers = deadLetterHeaders(origin, new RangeError('x'.repeat(5000)), failedAt);

    expect(headers['dlq_error_code']).toBe('RangeError');
    expect(headers['dlq_error_message']).toHaveLength(2000);
  });

  it('keep key, value and original headers, on <topic>.dlq', async () => {
    const sent: ProducerRecord[] = [];
    const producer = { send: async (record: ProducerRecord) => void sent.push(record) } as unknown as Producer;
    const message = { key: Buffer.from('person-1'), value: Buffer.from('{"a":1}'), headers: { ce_id: Buffer.from('e1') }, offset: '1234' } as unknown as KafkaMessage;

    await new DeadLetterPublisher(producer, undefined, () => failedAt).publish(origin, message, { code: 'BOOM', message: 'no' });

    expect(sent).toHaveLength(1);
    expect(sent[0]?.topic).toBe('profiles.events.dlq');
    expect(sent[0]?.acks).toBe(-1);
    expect(sent[0]?.messages).toEqual([
      {
        key: message.key,
        value: message.value,
        headers: expect.objectContaining({ ce_id: Buffer.from('e1'), dlq_error_code: 'BOOM', dlq_error_message: 'no', dlq_original_offset: '1234' }),
      },
    ]);
  });
});
