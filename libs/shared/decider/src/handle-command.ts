import { fold, type Decider } from './decider';
import { DomainError } from './domain-error';

/**
 * What a use case needs of an event store. The PostgreSQL store satisfies it structurally,
 * so application code never imports infrastructure.
 */
export interface StreamStorePort {
  readStream(streamId: string): Promise<{
    events: ReadonlyArray<{ type: string; data: unknown }>;
    currentVersion: number;
    tenantId: string | undefined;
  }>;
  appendToStream(
    streamId: string,
    events: ReadonlyArray<{ type: string; data: unknown }>,
    options: { expectedVersion: 'no_stream' | number; tenantId: string; correlationId?: string; causationId?: string; actor?: string },
  ): Promise<{ nextExpectedVersion: number }>;
}

export interface CommandContext {
  tenantId: string;
  /** From HTTP If-Match: the version the client last saw. */
  expectedVersion?: number;
  correlationId?: string;
  causationId?: string;
  actor?: string;
}

export interface CommandResult<Event> {
  events: Event[];
  /** Stream version after the command: the new ETag. */
  version: number;
}

/** The client's If-Match names a version the stream has moved past (HTTP 412). */
export class StaleVersionError extends DomainError {
  readonly code = 'STALE_VERSION';
  override readonly kind = 'precondition';
}

export interface LoadedStream<State> {
  state: State;
  version: number;
}

/** Loads a stream into state. Another tenant's stream reads as absent: it must not leak. */
export async function loadStream<State, Command, Event extends { type: string }>(
  store: StreamStorePort,
  decider: Decider<State, Command, Event>,
  streamId: string,
  tenantId: string,
): Promise<LoadedStream<State> & { ownVersion: number }> {
  const stream = await store.readStream(streamId);
  const visible = stream.tenantId === undefined || stream.tenantId === tenantId;
  // Events were validated against their schema on append and upcast on read.
  const events = visible ? (stream.events as unknown as readonly Event[]) : [];
  return { state: fold(decider, events), version: visible ? stream.currentVersion : 0, ownVersion: stream.currentVersion };
}

/** load → decide → append, with optimistic concurrency on the stream version. */
export async function handleCommand<State, Command, Event extends { type: string; data: unknown }>(
  store: StreamStorePort,
  decider: Decider<State, Command, Event>,
  streamId: string,
  command: Command,
  context: CommandContext,
): Promise<CommandResult<Event>> {
  const { state, version, ownVersion } = await loadStream(store, decider, streamId, context.tenantId);
  if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
    throw new StaleVersionError('The resource has changed since it was read.', { expectedVersion: context.expectedVersion, currentVersion: version });
  }
  const events = decider.decide(command, state);
  if (events.length === 0) return { events, version };
  const result = await store.appendToStream(streamId, events, appendOptions(context, ownVersion === 0 ? 'no_stream' : ownVersion));
  return { events, version: result.nextExpectedVersion };
}

/** The store's append options for a command's context; absent ids stay absent. */
function appendOptions(context: CommandContext, expectedVersion: 'no_stream' | number): Parameters<StreamStorePort['appendToStream']>[2] {
  const { tenantId, correlationId, causationId, actor } = context;
  return {
    expectedVersion,
    tenantId,
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
    ...(actor === undefined ? {} : { actor }),
  };
}

/** Store errors that mean "the stream already exists" to an append expecting none. */
const STREAM_EXISTS_CODES: ReadonlySet<unknown> = new Set(['CONCURRENCY_CONFLICT', 'STREAM_TENANT_MISMATCH']);

/**
 * For commands that create their stream (a registration under a fresh id): decide on the
 * initial state and append expecting no stream, without reading it first. That saves the
 * read, a round trip to the database, on the commonest write. If the stream does exist
 * (a client reused an id), the append is refused and the command runs again the ordinary
 * way, so the answer is exactly what handleCommand would have given.
 */
export async function handleCreation<State, Command, Event extends { type: string; data: unknown }>(
  store: StreamStorePort,
  decider: Decider<State, Command, Event>,
  streamId: string,
  command: Command,
  context: CommandContext,
): Promise<CommandResult<Event>> {
  if (context.expectedVersion !== undefined) return handleCommand(store, decider, streamId, command, context);
  let events: Event[];
  try {
    events = decider.decide(command, decider.initialState());
  } catch {
    // Refused on a new stream; if the stream exists, its state may call for another
    // answer. The ordinary path decides on what is really there.
    return handleCommand(store, decider, streamId, command, context);
  }
  if (events.length === 0) return handleCommand(store, decider, streamId, command, context);
  try {
    const result = await store.appendToStream(streamId, events, appendOptions(context, 'no_stream'));
    return { events, version: result.nextExpectedVersion };
  } catch (error) {
    if (!STREAM_EXISTS_CODES.has((error as { code?: unknown } | null)?.code)) throw error;
    return handleCommand(store, decider, streamId, command, context);
  }
}
