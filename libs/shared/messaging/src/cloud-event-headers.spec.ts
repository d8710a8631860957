import type { StoredEvent } from '@trajectory/shared/event-store';
import { Kafka as CEKafka, type KafkaMessage as CEKafkaMessage } from 'cloudevents';
import { CE_HEADERS, cloudEventType, parseCloudEvent, parseCloudEventType, toKafkaMessage } from './cloud-event-headers';
import { InvalidCloudEventError } from './messaging.errors';

const origin = { service: 'profiles', context: 'profiles' };

function storedEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    streamId: 'person-7f3a',
    streamVersion: 3,
    globalPosition: '42',
    transactionId: '901',
    eventId: '0b7c7a52-6c1c-4a53-9d43-0d8a2f6f7e11',
    type: 'JobStarted',
    schemaVersion: 2,
    data: { title: 'Staff Engineer', startedOn: '2026-01-05' },
    metadata: { tenantId: 'acme', correlationId: 'corr-1', causationId: 'cmd-9' },
    tenantId: 'acme',
    recordedAt: new Date('2026-03-01T10:20:30.456Z'),
    ...overrides,
  };
}

function asBuffers(headers: Record<string, string>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value)]));
}

describe('CloudEvent Kafka headers', () => {
  it('maps a stored event to binary-mode headers and parses them back', () => {
    const message = toKafkaMessage(storedEvent(), origin);

    expect(message.key).toBe('person-7f3a');
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: '0b7c7a52-6c1c-4a53-9d43-0d8a2f6f7e11',
      ce_source: '/trajectory/profiles',
      ce_type: 'trajectory.profiles.JobStarted.v2',
      ce_time: '2026-03-01T10:20:30.456Z',
      ce_subject: 'person-7f3a',
      'content-type': 'application/json',
      ce_tenantid: 'acme',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cmd-9',
      ce_streamversion: '3',
    });
    // Kafka hands headers and value back as Buffers.
    expect(parseCloudEvent(asBuffers(message.headers), Buffer.from(message.value))).toEqual({
      id: '0b7c7a52-6c1c-4a53-9d43-0d8a2f6f7e11',
      type: 'trajectory.profiles.JobStarted.v2',
      source: '/trajectory/profiles',
      subject: 'person-7f3a',
      time: '2026-03-01T10:20:30.456Z',
      tenantId: 'acme',
      correlationId: 'corr-1',
      causationId: 'cmd-9',
      streamVersion: 3,
      data: { title: 'Staff Engineer', startedOn: '2026-01-05' },
    });
  });

  it('omits absent correlation and causation instead of sending empty headers', () => {
    const { headers } = toKafkaMessage(storedEvent({ metadata: { tenantId: 'acme' } }), origin);

    expect(headers).not.toHaveProperty(CE_HEADERS.correlationId);
    expect(headers).not.toHaveProperty(CE_HEADERS.causationId);
    const parsed = parseCloudEvent(asBuffers(headers), Buffer.from('{}'));
    expect(parsed.correlationId).toBeUndefined();
    expect(parsed.causationId).toBeUndefined();
  });

  it('is readable by the CloudEvents SDK Kafka binding', () => {
    const message = toKafkaMessage(storedEvent(), origin);

    const kafkaMessage: CEKafkaMessage<string> = { key: message.key, value: message.value, headers: message.headers, body: message.value };

    const event = CEKafka.toEvent(kafkaMessage);

    expect(Array.isArray(event)).toBe(false);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: '0b7c7a52-6c1c-4a53-9d43-0d8a2f6f7e11',
      type: 'trajectory.profiles.JobStarted.v2',
      source: '/trajectory/profiles',
      subject: 'person-7f3a',
      tenantid: 'acme',
      correlationid: 'corr-1',
      causationid: 'cmd-9',
      streamversion: '3',
      data: { title: 'Staff Engineer', startedOn: '2026-01-05' },
    });
  });

  it.each([
    ['no ce_id', { [CE_HEADERS.id]: undefined }],
    ['a NUL character in ce_id', { [CE_HEADERS.id]: 'evt-\u0000-1' }],
    ['no ce_type', { [CE_HEADERS.type]: undefined }],
    ['another spec version', { [CE_HEADERS.specVersion]: '0.3' }],
    ['a non-numeric stream version', { [CE_HEADERS.streamVersion]: 'three' }],
  ])('rejects a message with %s', (_label, change) => {
    const headers: Record<string, string | undefined> = { ...toKafkaMessage(storedEvent(), origin).headers, ...change };

    expect(() => parseCloudEvent(headers, '{}')).toThrow(InvalidCloudEventError);
  });

  it('rejects JSON-typed data that is not JSON, with a stable code', () => {
    const { headers } = toKafkaMessage(storedEvent(), origin);

    expect(() => parseCloudEvent(headers, '{oops')).toThrow(expect.objectContaining({ code: 'MESSAGING_INVALID_CLOUD_EVENT' }));
  });

  it('reads the first value of a repeated header', () => {
    const headers = { ...asBuffers(toKafkaMessage(storedEvent(), origin).headers), ce_subject: [Buffer.from('first'), Buffer.from('second')] };

    expect(parseCloudEvent(headers, '{}').subject).toBe('first');
  });

  it('builds and splits our ce_type and ignores foreign ones', () => {
    expect(cloudEventType('goals', 'GoalSet', 4)).toBe('trajectory.goals.GoalSet.v4');
    expect(parseCloudEventType('trajectory.goals.GoalSet.v4')).toEqual({ context: 'goals', eventType: 'GoalSet', schemaVersion: 4 });
    expect(parseCloudEventType('com.example.GoalSet')).toBeUndefined();
    expect(parseCloudEventType('trajectory.goals.GoalSet')).toBeUndefined();
  });
});
