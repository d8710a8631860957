import { upcastProfilesData, type ProjectedEvent } from '@trajectory/career/application';
import { parseCloudEventType, type ConsumedEvent } from '@trajectory/shared/messaging';

/** A message without what the projection keys on cannot be applied: it is a poison message for the DLQ. */
function required<T>(value: T | undefined, event: ConsumedEvent, attribute: string): T {
  if (value === undefined) throw new Error(`event ${event.id} has no ${attribute}`);
  return value;
}

/**
 * The projection's view of a consumed CloudEvent: tenant, stream version and time from its
 * attributes, data brought to the newest schema version (older messages may still be on the topic).
 */
export function projectedEventOf<Data>(event: ConsumedEvent): ProjectedEvent<Data> {
  const parsed = parseCloudEventType(event.type);
  const data = parsed === undefined ? event.data : upcastProfilesData(parsed.eventType, parsed.schemaVersion, event.data);
  return {
    eventId: event.id,
    tenantId: required(event.tenantId, event, 'ce_tenantid header'),
    streamVersion: required(event.streamVersion, event, 'ce_streamversion header'),
    recordedAt: required(event.time, event, 'ce_time header'),
    data: data as Data,
  };
}
