import { EventStoreError } from './event-store.error';

/**
 * The stream exists and belongs to another tenant. The owner is deliberately not carried:
 * this error may travel towards a client, and another tenant's id must not leak with it.
 */
export class StreamTenantMismatchError extends EventStoreError {
  readonly code = 'STREAM_TENANT_MISMATCH';
  /** A client-chosen id already taken elsewhere: a conflict (409), never a server fault. */
  readonly kind = 'conflict';

  constructor(
    readonly streamId: string,
    readonly tenantId: string,
  ) {
    super(`Stream ${streamId} does not belong to tenant ${tenantId}`, { streamId, tenantId });
  }
}
