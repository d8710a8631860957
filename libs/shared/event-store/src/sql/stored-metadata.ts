import type { EventMetadata } from '../event-store.types';

/**
 * What a row keeps of an event's metadata. Every byte of a row is written twice (heap and
 * WAL) and appends are bound by WAL throughput, so the row leaves out what it can rebuild:
 * the tenant (it has its own column) and a causation id equal to the correlation id (the
 * first event of a conversation). Rows written before this shape still read the same.
 */
export function storedMetadata(metadata: EventMetadata): Record<string, unknown> {
  const { tenantId: _tenant, causationId, ...rest } = metadata;
  return causationId === undefined || causationId === metadata.correlationId ? rest : { ...rest, causationId };
}

/**
 * The metadata readers see: the stored fields plus the tenant and the implied causation id.
 * Completes `stored` in place (it is the row's freshly parsed JSON, read by nobody else):
 * copying it cost the relay more than any other step of mapping a row.
 */
export function readMetadata(stored: Record<string, unknown>, tenantId: string): EventMetadata {
  const metadata = stored as EventMetadata;
  metadata.tenantId = tenantId;
  if (metadata.causationId === undefined && metadata.correlationId !== undefined) metadata.causationId = metadata.correlationId;
  return metadata;
}
