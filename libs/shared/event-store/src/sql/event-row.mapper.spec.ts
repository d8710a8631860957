import { EventSchemaRegistry } from '../schema/event-schema.registry';
import { UpcasterRegistry } from '../upcasting/upcaster.registry';
import { toStoredEvent, type EventRow } from './event-row.mapper';

const row: EventRow = {
  stream_id: 'person-1',
  stream_version: 1,
  global_position: '10',
  transaction_id: '900',
  event_id: 'e1',
  type: 'PersonRegistered',
  schema_version: 1,
  data: { name: 'Ada' },
  metadata: { tenantId: 'acme' },
  tenant_id: 'acme',
  recorded_at: new Date('2026-01-01T00:00:00Z'),
};

describe('toStoredEvent', () => {
  const upcasters = new UpcasterRegistry()
    .register('PersonRegistered', 1, (d) => ({ ...(d as object), v: 2 }))
    .register('PersonRegistered', 2, (d) => ({ ...(d as object), v: 3 }));

  it('maps columns as stored when there are no upcasters', () => {
    expect(toStoredEvent(row, {})).toEqual({
      streamId: 'person-1',
      streamVersion: 1,
      globalPosition: '10',
      transactionId: '900',
      eventId: 'e1',
      type: 'PersonRegistered',
      schemaVersion: 1,
      data: { name: 'Ada' },
      metadata: { tenantId: 'acme' },
      tenantId: 'acme',
      recordedAt: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it('upcasts as far as the upcasters lead', () => {
    expect(toStoredEvent(row, { upcasters })).toMatchObject({ schemaVersion: 3, data: { name: 'Ada', v: 3 } });
  });

  it('stops at the newest registered schema when one is known', () => {
    const schemas = new EventSchemaRegistry().register('PersonRegistered', 1, {}).register('PersonRegistered', 2, {});
    expect(toStoredEvent(row, { schemas, upcasters })).toMatchObject({ schemaVersion: 2, data: { name: 'Ada', v: 2 } });
  });
});
